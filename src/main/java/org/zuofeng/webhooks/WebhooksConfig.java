package org.zuofeng.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.zuofeng.common.config.AtLeastOne;

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

    /**
     * For how many days a subscription acts with its owner's rights after the owner last changed it
     * ({@code ZUOFENG_WEBHOOKS_GRANT_DAYS}); then it lapses until the owner renews it.
     */
    @WithDefault("90")
    @WithConverter(AtLeastOne.class)
    int grantDays();

    /**
     * How long a message is kept once it is delivered, failed or cancelled, with its delivery log
     * ({@code ZUOFENG_WEBHOOKS_RETENTION}).
     */
    @WithDefault("P30D")
    Duration retention();
}
