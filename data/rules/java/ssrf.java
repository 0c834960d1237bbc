package com.example.preview;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.client.RestTemplate;

public class LinkPreview {
    private static final Set<String> ALLOWED_HOSTS = Set.of("images.example.com", "cdn.example.com");
    private final RestTemplate restTemplate = new RestTemplate();

    public InputStream fetch(HttpServletRequest request) throws IOException {
        // ruleid: java.ssrf
        URL url = new URL(request.getParameter("url"));
        return url.openStream();
    }

    public String preview(HttpServletRequest request) {
        // ruleid: java.ssrf
        return restTemplate.getForObject(request.getParameter("target"), String.class);
    }

    public String status(HttpServletRequest request) {
        // ruleid: java.ssrf
        return restTemplate.getForObject("http://" + request.getParameter("host") + "/status", String.class);
    }

    public String item(HttpServletRequest request) {
        // ok: java.ssrf
        return restTemplate.getForObject("https://api.example.com/items/" + request.getParameter("id"), String.class);
    }

    public InputStream fetchAllowed(HttpServletRequest request) throws IOException {
        // ok: java.ssrf
        URI uri = requireAllowedHost(request.getParameter("url"));
        return uri.toURL().openStream();
    }

    private static URI requireAllowedHost(String raw) {
        URI uri = URI.create(raw);
        if (!"https".equals(uri.getScheme()) || !ALLOWED_HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException("host not allowed");
        }
        return uri;
    }
}
