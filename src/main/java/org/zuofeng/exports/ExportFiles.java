package org.zuofeng.exports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.zuofeng.common.crypto.SealedTable;
import org.zuofeng.common.crypto.Sealing;
import org.zuofeng.evidence.EvidenceConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where export files live: {@code exports/} under the evidence directory (the service's persistent volume, shared by
 * its replicas), sealed under a data key of each run's own ({@link Sealing}), written to a part file and moved into
 * place whole; the key is recorded with the job when its run settles it.
 */
@ApplicationScoped
public class ExportFiles {

    /** Export jobs keep their files' data keys. */
    @Produces
    @Singleton
    static final SealedTable TABLE = new SealedTable("export_jobs", "id");

    private final Path dir;
    private final Sealing sealing;

    public ExportFiles(EvidenceConfig config, Sealing sealing) {
        this.dir = Path.of(config.evidence().dir(), "exports");
        this.sealing = sealing;
    }

    /** A data key for one run's file, and how it is recorded with the job. */
    record RunKey(Sealing.DataKey key, Sealing.Wrapped wrapped) {
    }

    RunKey newKey(UUID id) {
        Sealing.DataKey key = sealing.newKey();
        return new RunKey(key, sealing.wrap(key, TABLE.owner(id)));
    }

    /** {@code part} written through, sealed under the run's key. */
    OutputStream sealing(RunKey key, Path part) throws IOException {
        return sealing.sealing(key.key(), Files.newOutputStream(part));
    }

    /** The job's file, in clear. */
    InputStream open(ExportJob job) throws IOException {
        if (job.keyRef == null) {
            return Files.newInputStream(file(job.id));
        }
        return sealing.open(sealing.unwrap(job.keyRef, job.wrappedKey, TABLE.owner(job.id)), file(job.id));
    }

    /** The file's length in clear. */
    long length(ExportJob job) {
        return job.byteCount != null ? job.byteCount : file(job.id).toFile().length();
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
