package com.example.shop.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.io.FilenameUtils;
import org.owasp.encoder.Encode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.multipart.MultipartFile;

public class DocumentService {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
    private static final Set<String> PREVIEW_HOSTS = Set.of("images.example.com");
    private final Path root = Paths.get("/var/app/documents").toAbsolutePath().normalize();
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    public Path store(MultipartFile upload) throws IOException {
        String name = FilenameUtils.getName(upload.getOriginalFilename());
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("invalid file name");
        }
        upload.transferTo(target);
        return target;
    }

    public byte[] read(String requested) throws IOException {
        Path target = root.resolve(requested).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("outside the document root");
        }
        return Files.readAllBytes(target);
    }

    public Metadata metadata(InputStream json) throws IOException {
        return mapper.readValue(json, Metadata.class);
    }

    public record Metadata(String title, List<String> tags) {}

    public int convert(Path source, String format) throws IOException, InterruptedException {
        if (!Set.of("pdf", "png").contains(format)) {
            throw new IllegalArgumentException("unsupported format");
        }
        Process p = new ProcessBuilder("libreoffice", "--headless", "--convert-to", format, source.toString())
            .redirectErrorStream(true)
            .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("conversion timed out");
        }
        return p.exitValue();
    }

    public void search(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html; charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<h1>Results for " + Encode.forHtml(request.getParameter("q")) + "</h1>");
    }

    public String preview(HttpServletRequest request) throws IOException, InterruptedException {
        URI uri = URI.create("https://images.example.com/").resolve(FilenameUtils.getName(request.getParameter("image")));
        if (!PREVIEW_HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException("host not allowed");
        }
        HttpRequest req = HttpRequest.newBuilder(uri).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    public void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}", file, e);
        }
    }
}
