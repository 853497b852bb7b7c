package org.zuofeng.common.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.zuofeng.common.config.AtLeastOne;

import java.time.Duration;

/** Stored answers for {@code Idempotency-Key}. */
@ConfigMapping(prefix = "zuofeng.idempotency")
public interface IdempotencyConfig {

    /** How long an answer is kept for replay ({@code ZUOFENG_IDEMPOTENCY_RETENTION}). */
    @WithDefault("PT24H")
    Duration retention();

    /**
     * How long a request may hold its key before a retry may take it over: longer than any request runs
     * ({@code ZUOFENG_IDEMPOTENCY_LEASE}).
     */
    @WithDefault("PT2M")
    Duration lease();

    /** How many expired answers one statement of the background purge deletes at most. */
    @WithDefault("1000")
    @WithConverter(AtLeastOne.class)
    int purgeBatchSize();
}
