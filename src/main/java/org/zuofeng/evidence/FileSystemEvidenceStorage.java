package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.zuofeng.common.crypto.ChannelSlice;
import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.crypto.SealedTable;
import org.zuofeng.common.crypto.Sealing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The content-addressed directory: {@code content/ab/cd/<sha256>.<key ref>} for kept bytes, sealed under the data key
 * its row names (read-only once written); {@code staging/} for uploads in progress, sealed too, on the same file
 * system so that keeping is an atomic rename. A file's name carries its key's reference, so a keep that did not
 * commit never replaces the file a committed row names. {@code content/ab/cd/<sha256>} alone is content an earlier
 * version kept in clear, until the sealing job has sealed it ({@link ClearContentSealer}).
 */
@ApplicationScoped
public class FileSystemEvidenceStorage implements EvidenceStorage {

    /** The content store keeps its data keys in its rows. */
    @Produces
    @Singleton
    static final SealedTable TABLE = new SealedTable("evidence_blobs", "sha256");
    private static final int BUFFER = 64 * 1024;

    private final Path content;
    private final Path staging;
    private final Sealing sealing;
    private final BlobRepository blobs;

    public FileSystemEvidenceStorage(EvidenceConfig config, Sealing sealing, BlobRepository blobs) {
        Path root = Path.of(config.evidence().dir()).toAbsolutePath();
        this.content = root.resolve("content");
        this.staging = root.resolve("staging");
        this.sealing = sealing;
        this.blobs = blobs;
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
        Sealing.DataKey key = sealing.newKey();
        MessageDigest sha256 = Digests.sha256();
        long size;
        try (OutputStream out = sealing.sealing(key, Files.newOutputStream(file, StandardOpenOption.CREATE_NEW))) {
            size = copy(in, out, sha256, maxBytes);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Staged(handle, HexFormat.of().formatHex(sha256.digest()), size, key);
    }

    @Override
    public InputStream openStaged(Staged staged) throws IOException {
        return new BufferedInputStream(sealing.open(staged.key(), staging.resolve(staged.handle())));
    }

    @Override
    public boolean keep(Staged staged) throws IOException {
        String sha256 = staged.sha256();
        BlobRepository.Keeping keeping = blobs.keeping(sha256).orElseThrow(() -> new IllegalStateException(
                "content " + sha256 + " is kept without its claim"));
        if (keeping.sealed() || keeping.clearLeft() && Files.exists(clearPath(sha256))) {
            discard(staged);
            return false;
        }
        Path target = sealedPath(sha256, staged.key().ref());
        Files.createDirectories(target.getParent());
        blobs.sealed(sha256, staged.key().ref(), sealing.wrap(staged.key(), owner(sha256)));
        Files.move(staging.resolve(staged.handle()), target, StandardCopyOption.ATOMIC_MOVE);
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
        removeClear(sha256);
        removeSealed(sha256);
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        BlobRepository.Keeping keeping = keeping(sha256);
        if (!keeping.sealed()) {
            try {
                FileChannel channel = FileChannel.open(clearPath(sha256), StandardOpenOption.READ);
                channel.position(offset);
                return new ChannelSlice(channel, length);
            } catch (NoSuchFileException sealedMeanwhile) {
                // The sealing job sealed it since the row was read, and removed its clear file.
                keeping = keeping(sha256);
                if (!keeping.sealed()) {
                    throw sealedMeanwhile;
                }
            }
        }
        Sealing.DataKey key = sealing.unwrap(keeping.keyRef(), keeping.wrappedKey(), owner(sha256));
        return sealing.open(key, sealedPath(sha256, keeping.keyRef()), offset, length);
    }

    /** How the content is kept; {@link Destroyed} once its retention ended. */
    private BlobRepository.Keeping keeping(String sha256) throws IOException {
        BlobRepository.Keeping keeping = QuarkusTransaction.joiningExisting().call(() -> blobs.keeping(sha256))
                .orElseThrow(() -> new IOException("no content " + sha256 + " is kept"));
        if (keeping.destroyed()) {
            throw new Destroyed(sha256);
        }
        return keeping;
    }

    @Override
    public boolean sealClear(String sha256) throws IOException {
        Path clear = clearPath(sha256);
        if (!Files.exists(clear)) {
            return false;
        }
        try (DirectoryStream<Path> interrupted = Files.newDirectoryStream(clear.getParent(), sha256 + ".*.part")) {
            for (Path left : interrupted) {
                Files.deleteIfExists(left);
            }
        }
        Sealing.DataKey key = sealing.newKey();
        Path target = sealedPath(sha256, key.ref());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = Files.newInputStream(clear);
                OutputStream out = sealing.sealing(key, Files.newOutputStream(part))) {
            copy(in, out, Digests.sha256(), Long.MAX_VALUE);
        }
        MessageDigest check = Digests.sha256();
        try (InputStream sealed = sealing.open(key, part)) {
            copy(sealed, OutputStream.nullOutputStream(), check, Long.MAX_VALUE);
        }
        if (!HexFormat.of().formatHex(check.digest()).equals(sha256)) {
            Files.deleteIfExists(part);
            throw new IOException("the clear content " + sha256 + " does not match its digest; left as it is");
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        target.toFile().setReadOnly();
        blobs.sealed(sha256, key.ref(), sealing.wrap(key, owner(sha256)));
        return true;
    }

    @Override
    public void removeClear(String sha256) throws IOException {
        Files.deleteIfExists(clearPath(sha256));
    }

    @Override
    public void removeSealed(String sha256) throws IOException {
        Path directory = clearPath(sha256).getParent();
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, sha256 + ".*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** What a content's data key is bound to. */
    private static String owner(String sha256) {
        return TABLE.owner(sha256);
    }

    private static long copy(InputStream in, OutputStream out, MessageDigest digest, long maxBytes)
            throws IOException {
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) != -1; ) {
            size += n;
            if (size > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return size;
    }

    private Path clearPath(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 digest");
        }
        return content.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private Path sealedPath(String sha256, String keyRef) {
        if (!keyRef.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a key reference");
        }
        return clearPath(sha256).resolveSibling(sha256 + "." + keyRef);
    }
}
