package org.zuofeng.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo district of dev mode. */
@ConfigMapping(prefix = "zuofeng.demo")
public interface DemoConfig {

    /**
     * Whether the first start creates the demo district ({@code ZUOFENG_DEMO_ENABLED}; on in dev mode; a production
     * build has no demo).
     */
    @WithDefault("false")
    boolean enabled();
}
