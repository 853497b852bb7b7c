package org.zuofeng.imports;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.evidence.EvidenceConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The bodies of imports, on the shared volume (beside the evidence store) so that whichever replica runs a job reads
 * it: streamed in, counted and hashed as they arrive, never held in memory, refused (413) past the limit.
 */
@ApplicationScoped
class ImportFiles {

    private static final int BUFFER = 64 * 1024;

    /** A body received: where it is, its SHA-256 in hex, its size. */
    record Received(Path path, String sha256, long size) {
    }

    private final Path dir;

    ImportFiles(EvidenceConfig config) {
        this.dir = Path.of(config.evidence().dir(), "imports");
    }

    /** Streams {@code body} to a file of its own; beyond {@code max} bytes the file goes and the answer is 413. */
    Received receive(InputStream body, long max) {
        Path path = path(UUID.randomUUID());
        MessageDigest sha256 = Digests.sha256();
        long size = 0;
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(path)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = body.read(buffer)) != -1; ) {
                    size += n;
                    if (size > max) {
                        throw tooLarge(max);
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            return new Received(path, HexFormat.of().formatHex(sha256.digest()), size);
        } catch (IOException | RuntimeException e) {
            delete(path);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("The import's body could not be received", io);
            }
            throw (RuntimeException) e;
        }
    }

    Path path(UUID id) {
        return dir.resolve(id + ".import");
    }

    void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemException tooLarge(long max) {
        return new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, Text.of("imports.importSBodyLimitedBytes", max));
    }
}
