package com.example.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

public class CodeGenerator {
    // ruleid: java.insecure-random
    private static final Random RANDOM = new Random();
    private static final SecureRandom SECURE = new SecureRandom();

    public String resetToken() {
        String token = Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
        return token;
    }

    // ruleid: java.insecure-random
    public String otp() {
        Random rnd = new Random();
        String otp = String.format("%06d", rnd.nextInt(1_000_000));
        return otp;
    }

    // ruleid: java.insecure-random
    public String sessionId() {
        String sessionId = Integer.toHexString(new Random().nextInt());
        return sessionId;
    }

    // ok: java.insecure-random
    public String apiKey() {
        byte[] bytes = new byte[32];
        SECURE.nextBytes(bytes);
        String apiKey = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return apiKey;
    }

    // ok: java.insecure-random
    public long backoffMillis(int attempt) {
        Random jitter = new Random();
        long delay = (1L << attempt) * 100 + jitter.nextInt(100);
        return delay;
    }
}
