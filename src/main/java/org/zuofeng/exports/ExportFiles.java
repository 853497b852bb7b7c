package org.zuofeng.exports;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.evidence.EvidenceConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Where export files live: {@code exports/} under the evidence directory (the service's persistent volume, shared by
 * its replicas), written to a part file and moved into place whole.
 */
@ApplicationScoped
public class ExportFiles {

    private final Path dir;

    public ExportFiles(EvidenceConfig config) {
        this.dir = Path.of(config.evidence().dir(), "exports");
    }

    Path part(UUID id) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(id + ".part");
    }

    Path file(UUID id) {
        return dir.resolve(id.toString());
    }

    boolean exists(UUID id) {
        return Files.isRegularFile(file(id));
    }

    void publish(UUID id) throws IOException {
        Files.move(part(id), file(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void delete(UUID id) {
        try {
            Files.deleteIfExists(part(id));
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
