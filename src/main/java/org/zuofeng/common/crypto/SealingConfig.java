package org.zuofeng.common.crypto;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The key encryption key of what the service keeps at rest ({@link Sealing}). */
@ConfigMapping(prefix = "zuofeng.sealing")
public interface SealingConfig {

    /**
     * A Tink keyset file, in Tink's JSON format, of AES-256-GCM keys ({@code ZUOFENG_SEALING_KEYSET}): its primary key
     * wraps new data keys, any of its keys unwraps. Mount it from a Kubernetes Secret; the service reads it again
     * when it changes, so a rotation needs no restart. Without it, one AES-256-GCM key is derived from
     * {@code ZUOFENG_SECRET} for this purpose alone: sealed all the same, but rotated only with the master secret.
     */
    Optional<String> keyset();
}
