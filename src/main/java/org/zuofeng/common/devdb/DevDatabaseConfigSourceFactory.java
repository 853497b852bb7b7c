package org.zuofeng.common.devdb;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Gives {@code quarkus:dev} a real PostgreSQL without Docker or an installed database.
 *
 * <p>It acts only in the dev profile, when {@code zuofeng.dev-database.enabled} is not false and no
 * {@code quarkus.datasource.jdbc.url} is configured. The server is started once per JVM (the URL is kept in a system
 * property, because live reload creates new class loaders and calls this factory again) and keeps its data under
 * {@code zuofeng.dev-database.data-directory}. Production and tests never start it.
 */
public class DevDatabaseConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(DevDatabaseConfigSourceFactory.class);
    /** Outside the {@code zuofeng.} namespace, which the application's config mapping validates. */
    static final String URL_PROPERTY = "org.zuofeng.devdb.started-url";
    private static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!wanted(context)) {
            return List.of();
        }
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            url = startServer(context);
        }
        return List.of(new PropertiesConfigSource(Map.of(
                JDBC_URL, url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"), "zuofeng-dev-database", 50));
    }

    private static synchronized String startServer(ConfigSourceContext context) {
        String url = System.getProperty(URL_PROPERTY);
        if (url != null) {
            return url;
        }
        String dir = value(context, "zuofeng.dev-database.data-directory");
        String port = value(context, "zuofeng.dev-database.port");
        EmbeddedPostgresLauncher.Server server = EmbeddedPostgresLauncher.start(
                Path.of(dir == null ? "target/dev-postgres" : dir), port == null ? 0 : Integer.parseInt(port));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dev-postgres-stop"));
        System.setProperty(URL_PROPERTY, server.jdbcUrl());
        LOG.infof("Dev database: embedded PostgreSQL at %s (user postgres)", server.jdbcUrl());
        return server.jdbcUrl();
    }

    /** Only in the dev profile, only when enabled, and only when no database is configured. */
    static boolean wanted(ConfigSourceContext context) {
        return context.getProfiles().contains("dev") && enabled(context) && value(context, JDBC_URL) == null;
    }

    private static boolean enabled(ConfigSourceContext context) {
        String enabled = value(context, "zuofeng.dev-database.enabled");
        return enabled == null || Boolean.parseBoolean(enabled);
    }

    private static String value(ConfigSourceContext context, String name) {
        for (String profile : context.getProfiles()) {
            ConfigValue profiled = context.getValue("%" + profile + "." + name);
            if (profiled != null && profiled.getValue() != null) {
                return profiled.getValue();
            }
        }
        ConfigValue plain = context.getValue(name);
        return plain == null ? null : plain.getValue();
    }
}
