package com.example.jobs;

import java.io.Closeable;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

public class Cleanup {
    private static final Logger LOG = Logger.getLogger(Cleanup.class.getName());

    public void closeQuietly(Closeable c) {
        try {
            c.close();
        // ruleid: java.swallowed-exception
        } catch (IOException e) {}
    }

    public int parse(String value) {
        try {
            return Integer.parseInt(value);
        // ruleid: java.swallowed-exception
        } catch (NumberFormatException e) {
        }
        return 0;
    }

    public void close(Closeable c) {
        try {
            c.close();
        // ok: java.swallowed-exception
        } catch (IOException e) {
            LOG.log(Level.WARNING, "close failed", e);
        }
    }

    public void sleep(long ms) {
        try {
            Thread.sleep(ms);
        // ok: java.swallowed-exception
        } catch (InterruptedException e) {
            // shutting down: restore the flag and let the caller see it
            Thread.currentThread().interrupt();
        }
    }

    public void best(Runnable r) {
        try {
            r.run();
        // ok: java.swallowed-exception
        } catch (RuntimeException ignored) {
            // best effort: metrics are optional
        }
    }
}
