package org.zuofeng.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Field sync: devices pushing what they recorded and pulling what changed. */
@ConfigMapping(prefix = "zuofeng.sync")
public interface SyncConfig {

    /**
     * How long changes (removals included) are kept for devices to pull ({@code ZUOFENG_SYNC_RETENTION}); a device
     * away longer gets 410 {@code CURSOR_EXPIRED} and takes a new snapshot. Mutation results are kept as long, to
     * answer repeated pushes.
     */
    @WithDefault("P90D")
    Duration retention();
}
