package org.zuofeng.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long and how many verified bearer tokens this replica keeps ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "zuofeng.tokens")
public interface TokensConfig {

    /**
     * The longest a verified token is kept ({@code ZUOFENG_TOKENS_CACHE_FOR}), never past its own {@code exp}: how
     * late a key withdrawn by the provider without a new one (a compromise) stops a token it signed. {@code PT0S}
     * keeps none.
     */
    @WithDefault("PT10M")
    Duration cacheFor();

    /** How many verified tokens are kept at most ({@code ZUOFENG_TOKENS_CACHE_SIZE}); the least used go first. */
    @WithDefault("10000")
    long cacheSize();
}
