package com.example.http;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import okhttp3.OkHttpClient;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

public class Verifiers {
    public HostnameVerifier anyHost() {
        return new HostnameVerifier() {
            @Override
            // ruleid: java.hostname-verification-disabled
            public boolean verify(String hostname, SSLSession session) {
                return true;
            }
        };
    }

    public void global() {
        // ruleid: java.hostname-verification-disabled
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
    }

    public OkHttpClient okhttp() {
        return new OkHttpClient.Builder()
            // ruleid: java.hostname-verification-disabled
            .hostnameVerifier((hostname, session) -> { return true; })
            .build();
    }

    public CloseableHttpClient apache() {
        // ruleid: java.hostname-verification-disabled
        return HttpClients.custom().setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();
    }

    public CloseableHttpClient apacheDefault() {
        // ok: java.hostname-verification-disabled
        return HttpClients.custom().setSSLHostnameVerifier(new DefaultHostnameVerifier()).build();
    }

    public HostnameVerifier internalOnly() {
        // ok: java.hostname-verification-disabled
        return (hostname, session) -> hostname.endsWith(".internal.example.com")
            && HttpsURLConnection.getDefaultHostnameVerifier().verify(hostname, session);
    }
}
