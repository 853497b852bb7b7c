package org.zuofeng.common.crypto;

import io.smallrye.config.ConfigMapping;

/** The master secret every key of the service is derived from. */
@ConfigMapping(prefix = "zuofeng")
public interface SecretConfig {

    /**
     * The service's master secret ({@code ZUOFENG_SECRET}): at least 32 characters, the same on every replica, kept
     * in the environment (a Kubernetes Secret), never in the database. Signs list cursors and encrypts stored
     * idempotent answers; required in production (dev and test mode bring throw-away ones).
     */
    String secret();
}
