package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.crypto.Sealing;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The bytes of a resumable upload on the shared evidence volume, written only by the holder of the upload's fence
 * ({@link UploadFence}): each chunk streams into a piece of its own, named by the offset it starts at and sealed
 * under the upload's data key ({@link Sealing}: a sealed stream cannot be appended to, a piece is whole), and the
 * fence is renewed as the bytes arrive; a holder that loses it stops writing at once. An upload has at most
 * {@value #MAX_PIECES} pieces.
 */
@ApplicationScoped
class UploadParts {

    /** The most pieces (chunks) one upload may be sent in. */
    static final int MAX_PIECES = 4096;
    private static final int BUFFER = 64 * 1024;
    /** How often a holder renews its fence while a chunk streams in, well within the fence's lease. */
    private static final Duration RENEW_EVERY = UploadFence.LEASE.dividedBy(6);

    /** What arrived: how many bytes, and whether the client stopped sending before the end of its chunk. */
    record Received(long bytes, boolean cutShort) {
    }

    private final Path directory;
    private final Sealing sealing;
    private final Clock clock;

    UploadParts(EvidenceConfig config, Sealing sealing, Clock clock) {
        this.directory = Path.of(config.evidence().dir()).toAbsolutePath().resolve("uploads");
        this.sealing = sealing;
        this.clock = clock;
    }

    /**
     * Streams the chunk into the piece at {@code offset}, at most {@code room} bytes, renewing the fence through
     * {@code renew}; any piece at or past {@code offset} (of an append that did not complete) goes first. A chunk
     * checked against a digest ({@code expected}) is kept whole or not at all; one without is kept as far as it
     * arrived if the client stops sending (tus: the client resumes from there).
     */
    Received append(UUID id, Sealing.DataKey key, long offset, long room, long maxChunk, InputStream chunk,
            MessageDigest expected, byte[] checksum, BooleanSupplier renew) {
        try {
            Files.createDirectories(directory);
            List<Path> pieces = pieces(id);
            for (Path stale : pieces) {
                if (startOf(stale) >= offset) {
                    Files.delete(stale);
                }
            }
            if (pieces.stream().filter(p -> startOf(p) < offset).count() >= MAX_PIECES) {
                throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, Text.of("evidence.tooManyChunks", MAX_PIECES));
            }
            Path piece = pieceOf(id, offset);
            long written = 0;
            boolean cutShort = false;
            try (OutputStream out = sealing.sealing(key, durable(piece))) {
                byte[] buffer = new byte[BUFFER];
                Instant renewed = clock.instant();
                while (true) {
                    int n;
                    try {
                        n = chunk.read(buffer);
                    } catch (IOException stopped) {
                        cutShort = true;
                        break;
                    }
                    if (n == -1) {
                        break;
                    }
                    if (written + n > room) {
                        throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, written + n > maxChunk
                                ? Text.of("evidence.chunkLimit", maxChunk) : Text.of("evidence.chunkPastLength"));
                    }
                    if (Duration.between(renewed, clock.instant()).compareTo(RENEW_EVERY) >= 0) {
                        if (!renew.getAsBoolean()) {
                            throw fenceLost();
                        }
                        renewed = clock.instant();
                    }
                    out.write(buffer, 0, n);
                    if (expected != null) {
                        expected.update(buffer, 0, n);
                    }
                    written += n;
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(piece);
                throw e;
            }
            if (cutShort && expected != null) {
                Files.delete(piece);
                return new Received(0, true);
            }
            if (!cutShort && expected != null && !MessageDigest.isEqual(expected.digest(), checksum)) {
                Files.delete(piece);
                throw new ProblemException(ErrorCode.CHECKSUM_MISMATCH,
                        Text.of("evidence.chunkDoesMatchUploadChecksum", offset));
            }
            if (written == 0) {
                Files.delete(piece);
            }
            return new Received(written, cutShort);
        } catch (IOException e) {
            throw new UncheckedIOException("The chunk could not be written to the evidence volume", e);
        }
    }

    /**
     * Seals what an earlier version wrote of the upload in clear (one file) into its first piece; the clear file goes
     * once {@link #clearSealed} is called, after the upload's key has committed. False when there is none.
     */
    boolean sealClear(UUID id, Sealing.DataKey key) throws IOException {
        Path clear = directory.resolve(id + ".part");
        if (!Files.exists(clear)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(clear);
                OutputStream out = sealing.sealing(key, durable(pieceOf(id, 0)))) {
            in.transferTo(out);
        }
        return true;
    }

    /** Removes the clear file an earlier version wrote of the upload. */
    void clearSealed(UUID id) throws IOException {
        Files.deleteIfExists(directory.resolve(id + ".part"));
    }

    /** The whole upload, in clear, piece after piece (each opened only when the one before is read). */
    InputStream open(UUID id, Sealing.DataKey key) throws IOException {
        Iterator<Path> pieces = pieces(id).iterator();
        return new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return pieces.hasNext();
            }

            @Override
            public InputStream nextElement() {
                try {
                    return sealing.open(key, pieces.next());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    void delete(UUID id) {
        try {
            for (Path piece : pieces(id)) {
                Files.deleteIfExists(piece);
            }
            clearSealed(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemException fenceLost() {
        return new ProblemException(ErrorCode.UPLOAD_OFFSET_MISMATCH,
                Text.of("evidence.anotherRequestAppendingUploadAsk"));
    }

    /** The upload's pieces, in the order of their offsets. */
    private List<Path> pieces(UUID id) throws IOException {
        List<Path> pieces = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return pieces;
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(directory, id + ".*.piece")) {
            found.forEach(pieces::add);
        }
        pieces.sort((a, b) -> Long.compare(startOf(a), startOf(b)));
        return pieces;
    }

    private Path pieceOf(UUID id, long offset) {
        return directory.resolve(id + "." + offset + ".piece");
    }

    private static long startOf(Path piece) {
        String name = piece.getFileName().toString();
        return Long.parseLong(name.substring(name.indexOf('.') + 1, name.lastIndexOf('.')));
    }

    /** A new file whose bytes are on the disk when it is closed. */
    private static OutputStream durable(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] bytes, int off, int len) throws IOException {
                out.write(bytes, off, len);
            }

            @Override
            public void close() throws IOException {
                try (channel) {
                    out.flush();
                    channel.force(false);
                }
            }
        };
    }
}
