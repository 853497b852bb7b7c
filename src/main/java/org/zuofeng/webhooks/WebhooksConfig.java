package org.zuofeng.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Webhook deliveries. */
@ConfigMapping(prefix = "zuofeng.webhooks")
public interface WebhooksConfig {

    /**
     * Targets that may be internal (or {@code http}): {@code host:port} or {@code host:*}, comma separated
     * ({@code ZUOFENG_WEBHOOKS_ALLOWED_TARGETS}). Absent: only public {@code https} targets.
     */
    Optional<String> allowedTargets();

    /**
     * How often each replica queues new events and sends what is due ({@code ZUOFENG_WEBHOOKS_EVERY}); {@code off}
     * stops it on this replica.
     */
    @WithDefault("1s")
    String every();

    /** How long a receiver has to answer one attempt ({@code ZUOFENG_WEBHOOKS_TIMEOUT}). */
    @WithDefault("PT10S")
    Duration timeout();
}
