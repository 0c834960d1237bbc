package com.example.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;

public class AppConfig {
    // ruleid: java.hardcoded-credential
    private static final String JWT_SECRET = "q7Zt9vXe2LmP4sRb8KfW1nYc6HdJ3gUa";
    // ruleid: java.hardcoded-credential
    static final String STRIPE_API_KEY = "rk_prod_51HxQeP2bYc8vNm4TgLs0aWz";
    // ok: java.hardcoded-credential
    private static final String PASSWORD_HEADER = "X-Admin-Password";
    // ok: java.hardcoded-credential
    private static final String TOKEN_URL = "https://auth.example.com/oauth/token";
    // ok: java.hardcoded-credential
    private static final String DB_PASSWORD_ENV = "DB_PASSWORD";
    // ok: java.hardcoded-credential
    private static final String SECRET_PROPERTY = "spring.datasource.password";
    // ok: java.hardcoded-credential
    private final String apiKey = System.getenv("PAYMENTS_API_KEY");
    private String adminToken;

    public DataSource dataSource() {
        return DataSourceBuilder.create()
            .url("jdbc:postgresql://db:5432/shop")
            .username("shop")
            // ruleid: java.hardcoded-credential
            .password("Sh0p!Adm1n#2024")
            .build();
    }

    public Connection connect() throws SQLException {
        // ruleid: java.hardcoded-credential
        return DriverManager.getConnection("jdbc:mysql://db/shop", "root", "r00tP4ssw0rd");
    }

    public void init() {
        // ruleid: java.hardcoded-credential
        this.adminToken = "a8f5f167f44f4964e6c998dee827110c";
        // ok: java.hardcoded-credential
        String password = "";
        // ok: java.hardcoded-credential
        String secret = "changeme";
        // ok: java.hardcoded-credential
        String token = "<your-token-here>";
        // ok: java.hardcoded-credential
        String dbPassword = System.getenv().getOrDefault("DB_PASSWORD", "");
        System.out.println(password + secret + token + dbPassword);
    }
}
