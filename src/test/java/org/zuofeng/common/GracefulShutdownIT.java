package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.EvidenceStoreResource;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.OidcServerResource;
import org.zuofeng.support.PostgresResource;
import org.zuofeng.support.Processes;
import org.zuofeng.support.SecretResource;
import org.zuofeng.support.Tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar, sent SIGTERM while an upload is still streaming in: it takes no new request, finishes the one in
 * flight (the upload is kept, whole), and exits by itself well within its shutdown timeout. This test starts and
 * signals its own instance of the jar, on its own port, against the run's database and OIDC issuer.
 */
@QuarkusIntegrationTest
class GracefulShutdownIT {

    private static final int CHUNKS = 24;
    /** Chunks sent before SIGTERM: a second of streaming, so that even a busy server has taken the request in. */
    private static final int BEFORE_SIGTERM = 4;
    private static final int CHUNK = 64 * 1024;

    @Test
    void onSigtermTheServiceFinishesTheRequestInFlightRefusesNewOnesAndExits() throws Exception {
        String lead = Fixtures.uniqueCode("lead");
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath inspection = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        String finding = Fixtures.aFinding(inspection, unit).createAs(lead).getString("id");
        byte[] video = Media.mp4(CHUNKS * CHUNK);

        int port = freePort();
        Path log = Files.createTempFile("zuofeng-shutdown", ".log");
        Process service = start(port, log);
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(base, service, log);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            SlowUpload upload = new SlowUpload(port, "/api/v1/findings/" + finding + "/evidence",
                    Tokens.token(lead, "inspector"), video);
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(upload::send);
            assertTrue(upload.started(), "the upload is streaming in");

            service.destroy();
            Thread.sleep(500);
            int refused = Processes.statusOf(http, base + "/api/v1/labels");
            assertTrue(refused == 503 || refused == -1, "a new request during shutdown is refused, got " + refused);
            assertTrue(service.isAlive(), () -> "the service waits for the request in flight; the upload was answered: "
                    + answer.completeOnTimeout("(nothing yet)", 5, TimeUnit.SECONDS).join());

            String response = answer.get(60, TimeUnit.SECONDS);
            assertTrue(response.startsWith("HTTP/1.1 201"), response);
            assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the service exits by itself");
            assertTrue(service.exitValue() == 0 || service.exitValue() == 143, "exit " + service.exitValue());
            String shown = Files.readString(log);
            assertTrue(!shown.contains("ERROR"), "a clean shutdown logs no error:\n" + shown);
        } finally {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        byte[] kept = io.restassured.RestAssured.given().auth().oauth2(Tokens.token(lead, "inspector"))
                .get("/api/v1/evidence/{id}/content", JsonPath.from(io.restassured.RestAssured.given().auth()
                        .oauth2(Tokens.token(lead, "inspector")).get("/api/v1/findings/{id}/evidence", finding)
                        .then().statusCode(200).extract().asString()).getString("items[0].id"))
                .then().statusCode(200).extract().asByteArray();
        assertTrue(java.util.Arrays.equals(video, kept), "the upload finished during shutdown is kept, whole");
    }

    /** The packaged jar in the prod profile, configured as an operator would, through the environment. */
    private static Process start(int port, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m"));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var env = builder.environment();
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
        return builder.start();
    }

    private static void awaitReady(String base, Process service, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline) && service.isAlive()) {
            if (Processes.statusOf(http, base + "/q/health/ready") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the second instance did not become ready:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** An upload over a plain socket: headers and a first chunk at once, then one chunk every 250 ms (6 s in all). */
    static final class SlowUpload {
        private final int port;
        private final String path;
        private final String token;
        private final byte[] content;
        private final CountDownLatch streaming = new CountDownLatch(BEFORE_SIGTERM);

        SlowUpload(int port, String path, String token, byte[] content) {
            this.port = port;
            this.path = path;
            this.token = token;
            this.content = content;
        }

        boolean started() throws InterruptedException {
            return streaming.await(30, TimeUnit.SECONDS);
        }

        /** Sends the upload and returns the response, status line first. */
        String send() {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                        + token + "\r\nContent-Type: video/mp4\r\nContent-Digest: " + Media.digest(content)
                        + "\r\nAccept: application/json\r\nConnection: close\r\nContent-Length: " + content.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                for (int chunk = 0; chunk < CHUNKS; chunk++) {
                    out.write(content, chunk * CHUNK, CHUNK);
                    out.flush();
                    streaming.countDown();
                    Thread.sleep(250);
                }
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
