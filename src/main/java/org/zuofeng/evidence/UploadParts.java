package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The file of a resumable upload on the shared evidence volume, written only by the holder of the upload's fence
 * ({@link UploadFence}): a chunk streams to its end (never held in memory), and the fence is renewed as the bytes
 * arrive; a holder that loses it stops writing at once.
 */
@ApplicationScoped
class UploadParts {

    private static final int BUFFER = 64 * 1024;
    /** How often a holder renews its fence while a chunk streams in, well within the fence's lease. */
    private static final Duration RENEW_EVERY = UploadFence.LEASE.dividedBy(6);

    /** What arrived: how many bytes, and whether the client stopped sending before the end of its chunk. */
    record Received(long bytes, boolean cutShort) {
    }

    private final Path directory;
    private final Clock clock;

    UploadParts(EvidenceConfig config, Clock clock) {
        this.directory = Path.of(config.evidence().dir()).toAbsolutePath().resolve("uploads");
        this.clock = clock;
    }

    /**
     * Streams the chunk to the file from {@code offset}, at most {@code room} bytes, renewing the fence through
     * {@code renew}. A chunk checked against a digest ({@code expected}) is kept whole or not at all; one without
     * is kept as far as it arrived if the client stops sending (tus: the client resumes from there).
     */
    Received append(UUID id, long offset, long room, long maxChunk, InputStream chunk, MessageDigest expected,
            byte[] checksum, BooleanSupplier renew) {
        try {
            Files.createDirectories(directory);
            try (FileChannel file = FileChannel.open(partOf(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                file.truncate(offset);
                file.position(offset);
                byte[] buffer = new byte[BUFFER];
                long written = 0;
                Instant renewed = clock.instant();
                while (true) {
                    int n;
                    try {
                        n = chunk.read(buffer);
                    } catch (IOException cutShort) {
                        return stopped(file, offset, written, expected != null);
                    }
                    if (n == -1) {
                        break;
                    }
                    if (written + n > room) {
                        file.truncate(offset);
                        throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, written + n > maxChunk
                                ? Text.of("evidence.chunkLimit", maxChunk) : Text.of("evidence.chunkPastLength"));
                    }
                    if (Duration.between(renewed, clock.instant()).compareTo(RENEW_EVERY) >= 0) {
                        if (!renew.getAsBoolean()) {
                            throw fenceLost();
                        }
                        renewed = clock.instant();
                    }
                    file.write(ByteBuffer.wrap(buffer, 0, n));
                    if (expected != null) {
                        expected.update(buffer, 0, n);
                    }
                    written += n;
                }
                if (expected != null && !MessageDigest.isEqual(expected.digest(), checksum)) {
                    file.truncate(offset);
                    throw new ProblemException(ErrorCode.CHECKSUM_MISMATCH,
                            Text.of("evidence.chunkDoesMatchUploadChecksum", offset));
                }
                file.force(false);
                return new Received(written, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The chunk could not be written to the evidence volume", e);
        }
    }

    InputStream open(UUID id) throws IOException {
        return Files.newInputStream(partOf(id));
    }

    void delete(UUID id) {
        try {
            Files.deleteIfExists(partOf(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemException fenceLost() {
        return new ProblemException(ErrorCode.UPLOAD_OFFSET_MISMATCH,
                Text.of("evidence.anotherRequestAppendingUploadAsk"));
    }

    /** The client stopped sending: keep what arrived unless it was to be checked whole. */
    private static Received stopped(FileChannel file, long offset, long written, boolean checked) throws IOException {
        if (checked) {
            file.truncate(offset);
            return new Received(0, true);
        }
        file.force(false);
        return new Received(written, true);
    }

    private Path partOf(UUID id) {
        return directory.resolve(id + ".part");
    }
}
