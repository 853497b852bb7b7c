package org.zuofeng.exports;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.evidence.EvidenceConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

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

    /** Where one run of the job writes, apart from any other run (a worker taking over a lapsed lease). */
    Path part(UUID id, UUID run) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(id + "." + run + ".part");
    }

    Path file(UUID id) {
        return dir.resolve(id.toString());
    }

    boolean exists(UUID id) {
        return Files.isRegularFile(file(id));
    }

    void publish(Path part, UUID id) throws IOException {
        Files.move(part, file(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void delete(UUID id) {
        delete(file(id));
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the part files of runs that ended without publishing (their replica died) before {@code before}. */
    void deleteAbandonedParts(Instant before) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> parts = Files.list(dir)) {
            parts.filter(p -> p.getFileName().toString().endsWith(".part")).filter(p -> modifiedBefore(p, before))
                    .forEach(this::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean modifiedBefore(Path file, Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException gone) {
            return false;
        }
    }
}
