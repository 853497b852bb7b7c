package org.zuofeng.common.changelog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.zuofeng.common.config.AtLeastZero;

import java.time.Duration;

/** Long polls of the sync pull and the event feed. */
@ConfigMapping(prefix = "zuofeng.waits")
public interface WaitsConfig {

    /** How many waits one replica holds at once ({@code ZUOFENG_WAITS_MAX}); beyond them a read answers at once. */
    @WithDefault("2000")
    @WithConverter(AtLeastZero.class)
    int max();

    /**
     * How long, on average, a wait sleeps before it looks again without being woken ({@code ZUOFENG_WAITS_FALLBACK}),
     * in case a notification was missed; each wait's look falls between half and one and a half times it. A
     * notification is missed only while the replica's listener is reconnecting, and it wakes every wait when it is
     * back; a wait also looks once more when its time is up. So by default a wait (at most 30 s) sleeps to its end:
     * a look of its own would cost a thousand waits a hundred reads a second and buy nothing.
     */
    @WithDefault("PT1M")
    Duration fallback();
}
