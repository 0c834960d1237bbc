package com.example.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.multipart.MultipartFile;

public class Downloads {
    private static final String UPLOAD_DIR = "/var/app/uploads";
    private final Path uploadRoot = Paths.get(UPLOAD_DIR);

    public InputStream open(HttpServletRequest request) throws IOException {
        // ruleid: java.path-traversal
        return new FileInputStream(new File(UPLOAD_DIR, request.getParameter("file")));
    }

    public byte[] read(HttpServletRequest request) throws IOException {
        // ruleid: java.path-traversal
        return Files.readAllBytes(Paths.get(UPLOAD_DIR + "/" + request.getParameter("name")));
    }

    public void store(MultipartFile file) throws IOException {
        // ruleid: java.path-traversal
        file.transferTo(uploadRoot.resolve(file.getOriginalFilename()));
    }

    public void storeSafely(MultipartFile file) throws IOException {
        // ok: java.path-traversal
        String name = FilenameUtils.getName(file.getOriginalFilename());
        Path target = uploadRoot.resolve(name).normalize();
        if (!target.startsWith(uploadRoot)) {
            throw new IOException("invalid file name");
        }
        file.transferTo(target);
    }

    public String label(HttpServletRequest request, java.util.Map<String, String> labels) {
        // ok: java.path-traversal
        return labels.get(request.getParameter("key"));
    }
}
