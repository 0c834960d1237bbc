package com.example.web;

import java.util.List;
import javax.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@RestController
public class PublicApi implements WebMvcConfigurer {
    // ruleid: java.cors-wildcard
    @CrossOrigin(origins = "*")
    @GetMapping("/api/prices")
    public List<String> prices() {
        return List.of();
    }

    // ruleid: java.cors-wildcard
    @CrossOrigin
    @GetMapping("/api/stock")
    public List<String> stock() {
        return List.of();
    }

    // ok: java.cors-wildcard
    @CrossOrigin(origins = "https://shop.example.com", allowCredentials = "true")
    @GetMapping("/api/cart")
    public List<String> cart() {
        return List.of();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // ruleid: java.cors-wildcard
        registry.addMapping("/**").allowedOrigins("*").allowedMethods("GET", "POST");
        // ok: java.cors-wildcard
        registry.addMapping("/admin/**").allowedOrigins("https://admin.example.com");
    }

    @Bean
    public CorsConfiguration corsConfiguration() {
        CorsConfiguration config = new CorsConfiguration();
        // ruleid: java.cors-wildcard
        config.setAllowedOrigins(List.of("*"));
        config.setAllowCredentials(true);
        return config;
    }

    public void legacy(HttpServletResponse response) {
        // ruleid: java.cors-wildcard
        response.setHeader("Access-Control-Allow-Origin", "*");
        // ok: java.cors-wildcard
        response.setHeader("Cache-Control", "*");
    }
}
