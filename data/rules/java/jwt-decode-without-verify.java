package com.example.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.nimbusds.jwt.JWTParser;
import io.jsonwebtoken.Jwts;

public class SessionFilter {
    private final Algorithm algorithm;

    public SessionFilter(Algorithm algorithm) {
        this.algorithm = algorithm;
    }

    public String userOf(String token) {
        // ruleid: java.jwt-decode-without-verify
        DecodedJWT jwt = JWT.decode(token);
        return jwt.getSubject();
    }

    public Object claimsOf(String token) throws java.text.ParseException {
        // ruleid: java.jwt-decode-without-verify
        return JWTParser.parse(token).getJWTClaimsSet();
    }

    public Object legacy(String token, byte[] key) {
        // ruleid: java.jwt-decode-without-verify
        return Jwts.parser().setSigningKey(key).parse(token).getBody();
    }

    public String verifiedUser(String token) {
        // ok: java.jwt-decode-without-verify
        DecodedJWT jwt = JWT.require(algorithm).withIssuer("https://auth.example.com").build().verify(token);
        return jwt.getSubject();
    }

    public java.time.LocalDate day(String text) {
        // ok: java.jwt-decode-without-verify
        return java.time.LocalDate.parse(text);
    }
}
