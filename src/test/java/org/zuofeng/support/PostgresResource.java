package org.zuofeng.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.zuofeng.common.devdb.EmbeddedPostgresLauncher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One real, throw-away PostgreSQL for the whole test run (and for the packaged-jar integration tests). Its data
 * directory is kept across {@link #stopDatabase()} and {@link #startDatabase()}, so outage tests can take the
 * database away and bring it back on the same port.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgresLauncher.Server server;
    private static String url;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("zuofeng-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startDatabase();
        port = server.postgres().getPort();
        url = server.jdbcUrl();
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        stopDatabase();
        Processes.deleteRecursively(dataDirectory);
    }

    /** The JDBC URL of the database, for a test that starts another instance of the application itself. */
    public static String jdbcUrl() {
        return url;
    }

    /** Takes the database away (the application keeps running). */
    public static synchronized void stopDatabase() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Brings the database back, with its data, on the port the application was configured with. */
    public static synchronized void startDatabase() {
        if (server == null) {
            server = EmbeddedPostgresLauncher.start(dataDirectory, port);
        }
    }

}
