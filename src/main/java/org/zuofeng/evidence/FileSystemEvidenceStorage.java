package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.crypto.Digests;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The content-addressed directory: {@code content/ab/cd/<sha256>} for kept bytes (read-only once written),
 * {@code staging/} for uploads in progress, on the same file system so that keeping is an atomic rename.
 */
@ApplicationScoped
public class FileSystemEvidenceStorage implements EvidenceStorage {

    private static final int BUFFER = 64 * 1024;

    private final Path content;
    private final Path staging;

    public FileSystemEvidenceStorage(EvidenceConfig config) {
        Path root = Path.of(config.evidence().dir()).toAbsolutePath();
        this.content = root.resolve("content");
        this.staging = root.resolve("staging");
        try {
            Files.createDirectories(content);
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the evidence store at " + root, e);
        }
    }

    @Override
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        String handle = UUID.randomUUID().toString();
        Path file = staging.resolve(handle);
        MessageDigest sha256 = Digests.sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW),
                sha256)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1; ) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Staged(handle, HexFormat.of().formatHex(sha256.digest()), size);
    }

    @Override
    public InputStream openStaged(Staged staged) throws IOException {
        return new BufferedInputStream(Files.newInputStream(staging.resolve(staged.handle())));
    }

    @Override
    public boolean keep(Staged staged) throws IOException {
        Path target = pathOf(staged.sha256());
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            discard(staged);
            return false;
        }
        try {
            Files.move(staging.resolve(staged.handle()), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            discard(staged);
            return false;
        }
        target.toFile().setReadOnly();
        return true;
    }

    @Override
    public void discard(Staged staged) {
        try {
            Files.deleteIfExists(staging.resolve(staged.handle()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void remove(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(pathOf(sha256), StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 digest");
        }
        return content.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** Reads at most {@code remaining} bytes of the underlying stream. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
