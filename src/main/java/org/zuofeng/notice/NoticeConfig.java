package org.zuofeng.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How long published notices stay public, and how often overdue ones are looked for. */
@ConfigMapping(prefix = "zuofeng")
public interface NoticeConfig {

    @WithName("public")
    PublicNotices publicNotices();

    @WithName("events")
    Overdue overdue();

    /** Notices on the public API. */
    interface PublicNotices {
        /**
         * How long a published notice stays on the public API after it is issued
         * ({@code ZUOFENG_PUBLIC_EXPOSURE_RETENTION}); it stays in the record.
         */
        @WithDefault("P3Y")
        java.time.Period exposureRetention();
    }

    /** The overdue job, whose events go to the feed. */
    interface Overdue {
        /**
         * How often the overdue job looks for rectification notices past their deadline
         * ({@code ZUOFENG_EVENTS_OVERDUE_EVERY}).
         */
        @WithDefault("1m")
        String overdueEvery();
    }
}
