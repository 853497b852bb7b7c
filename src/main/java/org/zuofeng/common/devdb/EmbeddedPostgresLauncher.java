package org.zuofeng.common.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts a real PostgreSQL from the zonky binaries on the class path, for {@code quarkus:dev} and the tests.
 *
 * <p>Only dev mode and the tests load this class; the packaged application never has the zonky classes.
 */
public final class EmbeddedPostgresLauncher {

    /** A started server and the JDBC URL that reaches it. */
    public record Server(EmbeddedPostgres postgres, String jdbcUrl) implements AutoCloseable {
        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private EmbeddedPostgresLauncher() {
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the cluster lives; {@code null} for a throw-away one
     * @param port          the port to listen on, {@code 0} for a free one
     */
    public static Server start(Path dataDirectory, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // The machines this runs on have no en_US locale; C.UTF-8 exists everywhere.
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory.toAbsolutePath()).setCleanDataDirectory(false);
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            return new Server(postgres, postgres.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }
}
