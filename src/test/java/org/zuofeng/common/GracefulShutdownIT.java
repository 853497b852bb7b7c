package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.Processes;
import org.zuofeng.support.Replica;
import org.zuofeng.support.Tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

        Replica replica = Replica.start("256m", Map.of());
        Process service = replica.process();
        int port = replica.port();
        Path log = replica.log();
        try {
            String base = replica.base();
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
            replica.close();
        }
        byte[] kept = io.restassured.RestAssured.given().auth().oauth2(Tokens.token(lead, "inspector"))
                .get("/api/v1/evidence/{id}/content", JsonPath.from(io.restassured.RestAssured.given().auth()
                        .oauth2(Tokens.token(lead, "inspector")).get("/api/v1/findings/{id}/evidence", finding)
                        .then().statusCode(200).extract().asString()).getString("items[0].id"))
                .then().statusCode(200).extract().asByteArray();
        assertTrue(java.util.Arrays.equals(video, kept), "the upload finished during shutdown is kept, whole");
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
