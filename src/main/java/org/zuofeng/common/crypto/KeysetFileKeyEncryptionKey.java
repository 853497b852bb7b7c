package org.zuofeng.common.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.SecretBytes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The key encryption key read from a Tink keyset file ({@code ZUOFENG_SEALING_KEYSET}), read again when the file
 * changes (checked at most every ten seconds), or derived from the master secret when there is none.
 */
@ApplicationScoped
public class KeysetFileKeyEncryptionKey implements KeyEncryptionKey {

    /** The id of the key derived from the master secret, as Tink writes it before each ciphertext. */
    static final int DERIVED_KEY_ID = 0x5A46_0001;
    private static final Logger LOG = Logger.getLogger(KeysetFileKeyEncryptionKey.class);
    private static final Duration LOOK_EVERY = Duration.ofSeconds(10);

    private final Path file;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(KeysetHandle keyset, Current current, FileTime modified, Instant lookedAt) {
    }

    @Inject
    public KeysetFileKeyEncryptionKey(SealingConfig config, ServerKeys keys, Clock clock) {
        register();
        this.clock = clock;
        this.file = config.keyset().map(Path::of).orElse(null);
        this.loaded = file == null ? derivedLoaded(keys) : read(file, clock.instant());
    }

    @Override
    public Current current() {
        Loaded now = loaded;
        Instant at = clock.instant();
        // Either way: a clock set back must not stop the file from being looked at.
        if (file != null && Duration.between(now.lookedAt(), at).abs().compareTo(LOOK_EVERY) >= 0) {
            try {
                now = modified(file).equals(now.modified()) ? new Loaded(now.keyset(), now.current(),
                        now.modified(), at) : read(file, at);
            } catch (RuntimeException unreadable) {
                // Half-written or briefly gone while it is replaced: keep the keyset already read.
                LOG.warnf("The sealing keyset %s could not be read again (%s); the one read before stays",
                        file, unreadable.getMessage());
                now = new Loaded(now.keyset(), now.current(), now.modified(), at);
            }
            loaded = now;
        }
        return now.current();
    }

    /**
     * The keyset in use with a new AES-256-GCM primary key added, as a Tink JSON keyset: what a rotation installs
     * (its older keys still unwrap until {@link KeyRotation} has re-wrapped every data key).
     */
    public String rotated() {
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(loaded.keyset()).addEntry(KeysetHandle
                    .generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                    .build();
            return TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Loaded derivedLoaded(ServerKeys keys) {
        KeysetHandle keyset = derived(keys);
        try {
            return new Loaded(keyset, of(keyset), null, Instant.MAX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void register() {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Loaded read(Path file, Instant at) {
        try {
            FileTime modified = modified(file);
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
            return new Loaded(keyset, of(keyset), modified, at);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sealing keyset " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The sealing keyset " + file + " is not a Tink AEAD keyset", e);
        }
    }

    private static KeysetHandle derived(ServerKeys keys) {
        try {
            byte[] bytes = keys.mac("sealing.key-encryption-key", "AES256_GCM".getBytes(StandardCharsets.UTF_8));
            AesGcmKey key = AesGcmKey.builder()
                    .setParameters(AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12)
                            .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.TINK).build())
                    .setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get()))
                    .setIdRequirement(DERIVED_KEY_ID).build();
            return KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(key).makePrimary()).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Current of(KeysetHandle keyset) throws GeneralSecurityException {
        return new Current(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
                Integer.toUnsignedLong(keyset.getPrimary().getId()));
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sealing keyset " + file, e);
        }
    }
}
