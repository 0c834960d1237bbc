package com.example.ops;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

public class Backup {
    private static final String SCRIPT = "pg_dump --format=custom orders";

    public Process dump(String database) throws IOException {
        // ruleid: java.command-injection
        return Runtime.getRuntime().exec("pg_dump -Fc " + database);
    }

    public Process archive(String dir) throws IOException {
        // ruleid: java.command-injection
        return Runtime.getRuntime().exec(String.format("tar czf /backups/out.tgz %s", dir));
    }

    public Process compress(String file) throws IOException {
        // ruleid: java.command-injection
        return new ProcessBuilder("sh", "-c", "gzip -9 " + file).inheritIO().start();
    }

    public Process run(String userCommand) throws IOException {
        // ruleid: java.command-injection
        String[] argv = {"/bin/bash", "-c", userCommand};
        return Runtime.getRuntime().exec(argv);
    }

    public Process windows(String name) throws IOException {
        ProcessBuilder pb = new ProcessBuilder();
        // ruleid: java.command-injection
        pb.command("cmd.exe", "/c", "dir " + name);
        return pb.start();
    }

    public Process dumpSafely(String database) throws IOException {
        // ok: java.command-injection
        return new ProcessBuilder("pg_dump", "-Fc", database).start();
    }

    public Process listSafely(String dir) throws IOException {
        // ok: java.command-injection
        List<String> argv = Arrays.asList("ls", "-la", dir);
        return new ProcessBuilder(argv).start();
    }

    public Process constant() throws IOException {
        // ok: java.command-injection
        Process p = new ProcessBuilder("sh", "-c", "uptime").start();
        // ok: java.command-injection
        return new ProcessBuilder("sh", "-c", SCRIPT).start();
    }
}
