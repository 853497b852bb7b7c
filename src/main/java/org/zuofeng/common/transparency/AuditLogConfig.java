package org.zuofeng.common.transparency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The transparency log's settings ({@code ZUOFENG_AUDIT_LOG_*}). */
@ConfigMapping(prefix = "zuofeng.audit-log")
public interface AuditLogConfig {

    /** The Ed25519 key that signs tree heads, PKCS#8 DER in base64; absent: derived from the master secret. */
    Optional<String> signingKey();

    /** How often committed audit events are sealed. */
    @WithDefault("2s")
    Duration sealEvery();

    /** How often a tree head is signed, when the tree has grown. */
    @WithDefault("5m")
    Duration signEvery();
}
