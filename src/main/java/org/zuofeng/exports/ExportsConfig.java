package org.zuofeng.exports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk exports. */
@ConfigMapping(prefix = "zuofeng.exports")
public interface ExportsConfig {

    /** How often each replica looks for queued exports ({@code ZUOFENG_EXPORTS_EVERY}); {@code off} stops it. */
    @WithDefault("1s")
    String every();
}
