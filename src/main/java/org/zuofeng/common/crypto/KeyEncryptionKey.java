package org.zuofeng.common.crypto;

import com.google.crypto.tink.Aead;

/**
 * The key encryption key that wraps every data key of {@link Sealing}: a Tink AEAD keyset whose primary key wraps and
 * whose every key unwraps, so that a rotation (a new primary) re-wraps data keys without touching a file. The
 * embedded implementation reads a keyset file ({@link KeysetFileKeyEncryptionKey}); one kept in a KMS or Vault is
 * another implementation of this interface (Tink's {@code KmsClient} gives the {@link Aead}).
 */
public interface KeyEncryptionKey {

    /** The keyset as it is now. */
    Current current();

    /** A keyset as one call uses it: {@code aead} wraps with the key {@code primaryId}. */
    record Current(Aead aead, long primaryId) {
    }
}
