package org.zuofeng.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.zuofeng.common.config.AtLeastOne;

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

    /**
     * After how long without a look a device is forgotten, with what it held ({@code ZUOFENG_SYNC_FORGET_AFTER}): if
     * it comes back, its next pull is a snapshot and its pushes number from 1 again.
     */
    @WithDefault("P180D")
    Duration forgetAfter();

    /**
     * How many devices one account keeps ({@code ZUOFENG_SYNC_MAX_DEVICES}); a new one beyond them makes the account's
     * least recently seen one forgotten.
     */
    @WithDefault("20")
    @WithConverter(AtLeastOne.class)
    int maxDevices();
}
