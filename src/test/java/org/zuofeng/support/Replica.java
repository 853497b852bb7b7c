package org.zuofeng.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another replica of the service beside the one {@code @QuarkusIntegrationTest} runs: the packaged jar in the prod
 * profile, configured as an operator configures a pod (through the environment), on its own loopback port, against
 * the run's PostgreSQL, OIDC issuer, evidence volume and master secret. Started and stopped by the test that needs
 * it, and only that process.
 */
public final class Replica implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private Replica(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** What a command of the jar printed, and how it ended. */
    public record Ran(int exitCode, String output) {
    }

    /** Starts a replica with {@code heap} (e.g. {@code 256m}) and these variables on top of the run's; waits for it. */
    public static Replica start(String heap, Map<String, String> environment) {
        try {
            int port = Processes.freePort();
            Path log = Files.createTempFile("zuofeng-replica", ".log");
            ProcessBuilder builder = new ProcessBuilder(java("-Xmx" + heap)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment(port, environment));
            Replica replica = new Replica(builder.start(), port, log);
            replica.awaitReady();
            return replica;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the jar with {@code args} (a command, not the service) against the run's database; waits for its end. */
    public static Ran run(String... args) {
        try {
            Path log = Files.createTempFile("zuofeng-command", ".log");
            List<String> command = java("-Xmx256m");
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment(Processes.freePort(), Map.of()));
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                Processes.stop(process, Duration.ofSeconds(10));
                throw new AssertionError("the command did not end in 120 s:\n" + Files.readString(log));
            }
            return new Ran(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> java(String heap) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-jar", "target/quarkus-app/quarkus-run.jar"));
    }

    private static Map<String, String> environment(int port, Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", PostgresResource.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "8");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", OidcServerResource.authServerUrl());
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", Tokens.ISSUER);
        env.put("ZUOFENG_EVIDENCE_DIR", EvidenceStoreResource.directory().toString());
        env.put("ZUOFENG_SECRET", SecretResource.secret());
        env.put("ZUOFENG_WEBHOOKS_ALLOWED_TARGETS", LoopbackResource.WEBHOOK_TARGETS);
        env.putAll(environment);
        return env;
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The end of its log, for a failure message. */
    public String tail() {
        return Processes.tail(log, 80);
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            if (Processes.statusOf(http, base() + "/q/health/ready") == 200) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new AssertionError("the replica did not become ready:\n" + tail());
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(30));
    }
}
