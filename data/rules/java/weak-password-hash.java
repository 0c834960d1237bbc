package com.example.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

public class PasswordService {
    // ruleid: java.weak-password-hash
    public String hash(String password) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5");
        byte[] digest = md.digest(password.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    // ruleid: java.weak-password-hash
    public byte[] legacyHash(String pwd) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-1").digest(pwd.getBytes(StandardCharsets.UTF_8));
    }

    // ruleid: java.weak-password-hash
    public boolean matches(String password, String stored) {
        return DigestUtils.sha256Hex(password).equals(stored);
    }

    @Bean
    // ruleid: java.weak-password-hash
    public PasswordEncoder plainEncoder() {
        return NoOpPasswordEncoder.getInstance();
    }

    @Bean
    // ok: java.weak-password-hash
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    // ok: java.weak-password-hash
    public String etag(byte[] body) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5");
        return HexFormat.of().formatHex(md.digest(body));
    }

    // ok: java.weak-password-hash
    public String checksum(byte[] file) {
        return DigestUtils.sha256Hex(file);
    }
}
