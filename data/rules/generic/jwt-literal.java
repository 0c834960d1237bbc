package com.example.client;

import java.net.URI;
import java.net.http.HttpRequest;

public class ReportClient {
    // ruleid: generic.jwt-literal
    private static final String SERVICE_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJyZXBvcnQtc2VydmljZSIsInJvbGUiOiJhZG1pbiIsImV4cCI6MTkwMDAwMDAwMH0.kG0u8s3Qd7mE2yQ3pV9x1ZrT6wB5nH4cJ8fL0aS2dUo";

    // The jwt.io documentation sample.
    // ok: generic.jwt-literal
    static final String SAMPLE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("https://reports.internal/api"))
            // ok: generic.jwt-literal
            .header("Authorization", "Bearer " + System.getenv("REPORT_TOKEN"))
            .build();
    }
}
