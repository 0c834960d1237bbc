package com.example.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import javax.crypto.SecretKey;

public class TokenReader {
    private final SecretKey key;

    public TokenReader(SecretKey key) {
        this.key = key;
    }

    public Claims legacy(String token) {
        // ruleid: java.jwt-unsigned-parse
        return Jwts.parser().setSigningKey(key).parseClaimsJwt(token).getBody();
    }

    public Claims modern(String token) {
        JwtParser parser = Jwts.parser()
            // ruleid: java.jwt-unsigned-parse
            .unsecured()
            .build();
        // ruleid: java.jwt-unsigned-parse
        return parser.parseUnsecuredClaims(token).getPayload();
    }

    public Claims verified(String token) {
        // ok: java.jwt-unsigned-parse
        return Jwts.parser().verifyWith(key).build().parseSignedClaims(token).getPayload();
    }

    public Claims verifiedLegacy(String token) {
        // ok: java.jwt-unsigned-parse
        return Jwts.parserBuilder().setSigningKey(key).build().parseClaimsJws(token).getBody();
    }
}
