package org.zuofeng.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.zuofeng.common.config.AtLeastOne;

/** Bulk imports: how large a body may be, which are answered at once, and how many rows one holds. */
@ConfigMapping(prefix = "zuofeng.imports")
public interface ImportsConfig {

    /** The largest body an import takes ({@code ZUOFENG_IMPORTS_MAX_BODY_SIZE}); larger ones get 413, unread. */
    @WithDefault("64M")
    MemorySize maxBodySize();

    /**
     * Bodies up to this size are imported at once and answered with the report ({@code ZUOFENG_IMPORTS_INLINE_SIZE});
     * larger ones run in the background, answered 202 with the job.
     */
    @WithDefault("256K")
    MemorySize inlineSize();

    /** The most rows one import holds ({@code ZUOFENG_IMPORTS_MAX_ROWS}). */
    @WithDefault("100000")
    @WithConverter(AtLeastOne.class)
    int maxRows();
}
