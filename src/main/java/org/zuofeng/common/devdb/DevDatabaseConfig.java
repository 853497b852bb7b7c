package org.zuofeng.common.devdb;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The embedded PostgreSQL of {@code quarkus:dev}, read by {@link DevDatabaseConfigSourceFactory}; no effect in
 * production or tests.
 */
@ConfigMapping(prefix = "zuofeng.dev-database")
public interface DevDatabaseConfig {

    /** Start it when no datasource URL is configured. */
    @WithDefault("true")
    boolean enabled();

    /** Where its data lives between runs. */
    @WithDefault("target/dev-postgres")
    String dataDirectory();

    /** Its port; a free one when absent. */
    Optional<Integer> port();
}
