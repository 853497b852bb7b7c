package org.zuofeng.common.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Files sealed at rest: each one encrypted with a data key of its own by Tink's streaming AEAD
 * ({@code AES256_GCM_HKDF_1MB}: authenticated segments of 1 MiB, so a byte range decrypts only the segments it
 * touches), the data key wrapped by the {@link KeyEncryptionKey} and kept in the database next to the record it
 * belongs to. A data key has a random reference, the associated data of its file (a file moved under another key
 * fails), and a wrapped key names what it belongs to (a wrapped key copied to another row fails). Deleting the wrapped
 * key destroys the file's content for good (crypto-shredding).
 */
@ApplicationScoped
public class Sealing {

    /** A data key, with its reference. Held in memory only while its file is written or read. */
    public record DataKey(String ref, KeysetHandle keyset) {
    }

    /** A data key wrapped for the database, and the key encryption key's key that wrapped it. */
    public record Wrapped(byte[] bytes, long kekId) {
    }

    /** A sealed file whose bytes fail their authentication: changed on disk, or under another key. */
    public static class Damaged extends IOException {
        public Damaged(String what, Throwable cause) {
            super(what + " failed its integrity check: its sealed bytes were changed or damaged on disk", cause);
        }
    }

    private final KeyEncryptionKey kek;

    public Sealing(KeyEncryptionKey kek) {
        this.kek = kek;
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh data key. */
    public DataKey newKey() {
        try {
            return new DataKey(UUID.randomUUID().toString().replace("-", ""),
                    KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data key wrapped by the current key encryption key, bound to {@code owner} (what it belongs to). */
    public Wrapped wrap(DataKey key, String owner) {
        KeyEncryptionKey.Current current = kek.current();
        try {
            byte[] clear = TinkProtoKeysetFormat.serializeKeyset(key.keyset(), InsecureSecretKeyAccess.get());
            return new Wrapped(current.aead().encrypt(clear, context(key.ref(), owner)), current.primaryId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data key {@code ref} of {@code owner}, unwrapped; {@link Damaged} when it does not unwrap. */
    public DataKey unwrap(String ref, byte[] wrapped, String owner) throws Damaged {
        try {
            byte[] clear = kek.current().aead().decrypt(wrapped, context(ref, owner));
            return new DataKey(ref, TinkProtoKeysetFormat.parseKeyset(clear, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new Damaged("The data key of " + owner, e);
        }
    }

    /** The id of the key encryption key's key that wraps now. */
    public long kekId() {
        return kek.current().primaryId();
    }

    /** {@code out} sealing what is written to it under {@code key}; closing it writes the last segment. */
    public OutputStream sealing(DataKey key, OutputStream out) throws IOException {
        try {
            return streaming(key).newEncryptingStream(out, key.ref().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code length} clear bytes of the sealed {@code file} from {@code offset}: only the segments they lie in are
     * read and authenticated; a read of changed bytes throws {@link Damaged}, never returns them.
     */
    public InputStream open(DataKey key, Path file, long offset, long length) throws IOException {
        FileChannel sealed = FileChannel.open(file, StandardOpenOption.READ);
        try {
            SeekableByteChannel clear = streaming(key).newSeekableDecryptingChannel(sealed,
                    key.ref().getBytes(StandardCharsets.US_ASCII));
            clear.position(offset);
            return new Authenticated(clear, length, file.getFileName().toString());
        } catch (GeneralSecurityException e) {
            sealed.close();
            throw new Damaged(file.getFileName().toString(), e);
        } catch (IOException e) {
            sealed.close();
            throw new Damaged(file.getFileName().toString(), e);
        }
    }

    /** The whole of a sealed {@code file}, read in order. */
    public InputStream open(DataKey key, Path file) throws IOException {
        return open(key, file, 0, Long.MAX_VALUE);
    }

    private static StreamingAead streaming(DataKey key) throws GeneralSecurityException {
        return key.keyset().getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
    }

    private static byte[] context(String ref, String owner) {
        return ("zuofeng/" + owner + "/" + ref).getBytes(StandardCharsets.UTF_8);
    }

    /** A slice of clear bytes whose failed authentication is reported as {@link Damaged}. */
    private static final class Authenticated extends ChannelSlice {
        private final String file;

        Authenticated(SeekableByteChannel clear, long length, String file) {
            super(clear, length);
            this.file = file;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            try {
                return super.read(buffer, off, len);
            } catch (Damaged e) {
                throw e;
            } catch (IOException e) {
                throw new Damaged(file, e);
            }
        }
    }
}
