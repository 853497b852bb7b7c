package org.zuofeng.common.changelog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** Long polls of the sync pull and the event feed. */
@ConfigMapping(prefix = "zuofeng.waits")
public interface WaitsConfig {

    /** How many waits one replica holds at once ({@code ZUOFENG_WAITS_MAX}); beyond them a read answers at once. */
    @WithDefault("2000")
    @Min(0)
    int max();

    /**
     * How long, on average, a wait sleeps before it looks again without being woken ({@code ZUOFENG_WAITS_FALLBACK}),
     * in case a notification was missed; each wait's look falls between half and one and a half times it.
     */
    @WithDefault("PT10S")
    Duration fallback();
}
