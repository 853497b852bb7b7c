package org.zuofeng.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The event feed other systems follow. */
@ConfigMapping(prefix = "zuofeng.events")
public interface EventsConfig {

    /**
     * How long a reader of the feed may stay away ({@code ZUOFENG_EVENTS_RETENTION}): a cursor issued longer ago gets
     * 410 {@code CURSOR_EXPIRED}.
     */
    @WithDefault("P90D")
    Duration retention();
}
