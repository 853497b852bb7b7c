package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.FleetSimulation;
import org.zuofeng.support.Media;
import org.zuofeng.support.PostgresResource;
import org.zuofeng.support.Processes;
import org.zuofeng.support.Replica;
import org.zuofeng.support.Tokens;
import org.zuofeng.support.WebhookReceiver;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the packaged jar on one PostgreSQL and one evidence volume, as {@code deploy/k8s} runs them: the one
 * the run starts, and a second one with the heap a pod's limit gives it. What one replica starts, the other may
 * continue, race or take over; nothing is lost, sent twice or starved.
 */
@QuarkusIntegrationTest
class ReplicasIT {

    private static Replica second;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startSecondReplica() {
        second = Replica.start("256m", Map.of("ZUOFENG_PUBLIC_TRUSTED_PROXIES", "127.0.0.0/8",
                "ZUOFENG_PUBLIC_RATE_LIMIT", "3", "ZUOFENG_PUBLIC_RATE_FLUSH_EVERY", "200ms"));
    }

    @AfterAll
    static void stopSecondReplica() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void racingAppendsOfOneUploadOnBothReplicasLeaveTheEvidenceWhole() throws Exception {
        String lead = Fixtures.uniqueCode("lead");
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String finding = Fixtures.aFinding(Fixtures.anInspection("OPEN", unit).lead(lead).started(), unit)
                .createAs(lead).getString("id");
        byte[] photo = Media.jpeg(1 << 20);
        byte[] tail = new byte[16];
        new Random().nextBytes(tail);
        System.arraycopy(tail, 0, photo, photo.length - tail.length, tail.length);
        UUID evidenceId = UUID.randomUUID();
        String location = Api.as(lead, "inspector").noContentType().header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(photo.length))
                .header("Upload-Metadata", metadata(evidenceId, finding, photo))
                .post("/api/v1/uploads").then().statusCode(201).extract().header("Location");
        String path = URI.create(location).getPath();

        // The first replica receives the whole file slowly; the second is sent the same chunk (a client's retry
        // that went to the other pod) while the first still streams it in.
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> patch(RestAssured.port, path, lead,
                photo, 16, 150));
        awaitFenced(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
        String racing = patch(second.port(), path, lead, photo, 1, 0);
        assertTrue(racing.startsWith("HTTP/1.1 409"), "the second append is refused and leaves the file alone: "
                + racing);
        String first = slow.get(60, TimeUnit.SECONDS);
        assertTrue(first.startsWith("HTTP/1.1 204"), first);

        byte[] kept = Api.as(lead, "inspector").get("/api/v1/evidence/{id}/content", evidenceId).then()
                .statusCode(200).extract().asByteArray();
        assertArrayEquals(photo, kept, "the evidence arrived whole");
        Api.as(lead, "inspector").port(second.port()).noContentType().header("Tus-Resumable", "1.0.0")
                .head(path).then().statusCode(200).header("Upload-Offset", String.valueOf(photo.length));
    }

    @Test
    void webhooksSentByBothReplicasArriveOnceEachAndStopWhenTheSubscriptionIsDeactivated() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answerWith(() -> {
                sleep(400);
                return 200;
            });
            String owner = Fixtures.uniqueCode("system");
            JsonPath subscription = Api.as(owner, "integration")
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("org.zuofeng.unit.created")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
            JsonPath district = Fixtures.aDistrict();
            for (int i = 0; i < 19; i++) {
                Fixtures.aUnit().under(district).create();
            }
            awaitTrue(() -> receiver.received().size() >= 20, Duration.ofSeconds(60));
            Map<String, Long> byMessage = receiver.received().stream().collect(Collectors.groupingBy(
                    r -> r.header("webhook-id"), Collectors.counting()));
            assertEquals(20, byMessage.size());
            assertTrue(byMessage.values().stream().allMatch(n -> n == 1), "each message once: " + byMessage);

            for (int i = 0; i < 20; i++) {
                Fixtures.aUnit().under(district).create();
            }
            awaitTrue(() -> receiver.received().size() >= 23, Duration.ofSeconds(60));
            long version = Api.as(owner, "integration").port(second.port())
                    .get("/api/v1/webhook-subscriptions/{id}", subscription.getString("id")).then().statusCode(200)
                    .extract().jsonPath().getLong("version");
            Api.as(owner, "integration").port(second.port()).header("If-Match", "\"" + version + "\"")
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("org.zuofeng.unit.created"),
                            "active", false))
                    .put("/api/v1/webhook-subscriptions/{id}", subscription.getString("id")).then().statusCode(200);
            int atDeactivation = receiver.received().size();
            Thread.sleep(5_000);
            assertTrue(receiver.received().size() <= atDeactivation + 2, "at most the messages in flight on the two "
                    + "replicas after it: " + atDeactivation + " then " + receiver.received().size());
            assertTrue(receiver.received().size() < 40, "the backlog was not sent");
        }
    }

    @Test
    void aThousandLongPollsOnOneReplicaLeaveItsOrdinaryReadsFastAndAreAllAnsweredWhenAnEventComes()
            throws Exception {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String token = Tokens.token("admin-1", "admin");
        String cursor = headOfTheFeed(token);
        for (int i = 0; i < 300; i++) {
            http.send(get(second.base() + "/api/v1/units/" + unit.getString("id"), token),
                    HttpResponse.BodyHandlers.discarding());
        }
        List<CompletableFuture<HttpResponse<String>>> waits = new ArrayList<>();
        HttpClient waiting = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 1_000; i++) {
            waits.add(waiting.sendAsync(get(second.base() + "/api/v1/events?wait=25&types=org.zuofeng.unit.created"
                    + "&cursor=" + cursor, token), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(4_000);
        assertTrue(waits.stream().noneMatch(CompletableFuture::isDone), "the waits are open");

        List<Long> took = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long start = System.nanoTime();
            HttpResponse<String> read = http.send(get(second.base() + "/api/v1/units/" + unit.getString("id"),
                    token), HttpResponse.BodyHandlers.ofString());
            took.add((System.nanoTime() - start) / 1_000_000);
            assertEquals(200, read.statusCode(), read.body());
        }
        took.sort(Long::compare);
        long p99 = took.get(296);
        assertTrue(p99 < 100, "an ordinary read beside 1,000 waits: p99 " + p99 + " ms, all " + took);

        long written = System.nanoTime();
        Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        long answeredWithin = (System.nanoTime() - written) / 1_000_000;
        for (CompletableFuture<HttpResponse<String>> wait : waits) {
            assertEquals(200, wait.get().statusCode(), wait.get().body());
            assertTrue(wait.get().body().contains("org.zuofeng.unit.created"), "woken by the event");
        }
        assertTrue(answeredWithin < 10_000, "all 1,000 answered " + answeredWithin + " ms after the write");
        assertTrue(second.alive());
    }

    @Test
    void behindTheTrustedProxyNetworkEachClientHasItsOwnPublicLimit() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, publicRead("203.0.113.7"));
        }
        assertEquals(429, publicRead("203.0.113.7"), "the fourth in the window");
        assertEquals(200, publicRead("203.0.113.8"), "another client behind the same proxy");
    }

    @Test
    void anImportLargerThanTheHeapIsRefusedAndTheReplicaLives() throws Exception {
        long size = 400L << 20;
        String declared = send(second.port(), size, false);
        assertTrue(declared.startsWith("HTTP/1.1 413"), "refused by its declared length, unread: " + declared);

        String streamed = send(second.port(), size, true);
        assertTrue(streamed.isEmpty() || streamed.startsWith("HTTP/1.1 413"), "refused while it streams: "
                + streamed);
        assertTrue(second.alive(), second.tail());
        assertEquals(200, Processes.statusOf(http, second.base() + "/q/health/ready"), second.tail());
    }

    @Test
    void aFleetTalkingToEitherReplicaAtRandomConverges() {
        Random pick = new Random(7);
        new FleetSimulation(() -> pick.nextBoolean() ? RestAssured.port : second.port()).run();
    }

    /**
     * An import of {@code size} bytes of CSV rows, made as they are sent (the test holds none of them), declared by its
     * length (then only the headers are sent: the answer must come unread) or streamed in chunks until the server
     * answers or closes; answers the status line and headers the server sent, or nothing.
     */
    private static String send(int port, long size, boolean chunked) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/imports?entity=UNIT HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: Bearer " + Tokens.token("hr-1", "hr") + "\r\n"
                    + "Content-Type: text/csv; charset=utf-8\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (chunked) {
                byte[] rows = "RCQ-X,某某单位,AGENCY,\r\n".repeat(2_000).getBytes(StandardCharsets.UTF_8);
                byte[] head = (Integer.toHexString(rows.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (long sent = 0; sent < size; sent += rows.length) {
                        out.write(head);
                        out.write(rows);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (java.io.IOException closed) {
                    // The server stopped reading: what it answered, if anything, follows.
                }
            }
            try {
                byte[] answer = socket.getInputStream().readNBytes(512);
                return new String(answer, StandardCharsets.ISO_8859_1);
            } catch (java.io.IOException reset) {
                return "";
            }
        }
    }

    private int publicRead(String client) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(second.base() + "/api/v1/public/exposures"))
                .header("X-Forwarded-For", client).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String headOfTheFeed(String token) throws Exception {
        String cursor = null;
        while (true) {
            HttpResponse<String> page = http.send(get(second.base() + "/api/v1/events?limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor), token), HttpResponse.BodyHandlers.ofString());
            JsonPath read = JsonPath.from(page.body());
            cursor = read.getString("next");
            if (!read.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build();
    }

    /** A tus PATCH of the whole of {@code bytes} from offset 0, sent in {@code pieces} with a pause between them. */
    private static String patch(int port, String path, String subject, byte[] bytes, int pieces, long pauseMillis) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: Bearer " + Tokens.token(subject, "inspector") + "\r\n"
                    + "Tus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int piece = (bytes.length + pieces - 1) / pieces;
            for (int from = 0; from < bytes.length; from += piece) {
                out.write(bytes, from, Math.min(piece, bytes.length - from));
                out.flush();
                sleep(pauseMillis);
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "no answer: " + e;
        }
    }

    private static String metadata(UUID evidenceId, String findingId, byte[] content) throws Exception {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("evidenceId", evidenceId.toString());
        metadata.put("findingId", findingId);
        metadata.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        metadata.put("mediaType", "image/jpeg");
        return metadata.entrySet().stream().map(e -> e.getKey() + " " + Base64.getEncoder().encodeToString(
                e.getValue().getBytes(StandardCharsets.UTF_8))).collect(Collectors.joining(","));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier done, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(done.getAsBoolean(), "within " + within);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code size} bytes of CSV rows, made as they are read (the test holds none of them). */
    private static final class Rows extends InputStream {
        private static final byte[] ROW = "RCQ-X,某某单位,AGENCY,\r\n".getBytes(StandardCharsets.UTF_8);
        private long left;
        private int at;

        Rows(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left-- <= 0) {
                return -1;
            }
            byte b = ROW[at];
            at = (at + 1) % ROW.length;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = ROW[at];
                at = (at + 1) % ROW.length;
            }
            left -= n;
            return n;
        }
    }

    /** Waits until a request holds the upload's fence: the first replica is streaming its chunk in. */
    private static void awaitFenced(UUID upload) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection connection = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement fenced = connection.prepareStatement(
                        "select fenced_by is not null from uploads where id = ?")) {
            fenced.setObject(1, upload);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = fenced.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the first replica never took the upload's fence");
    }
}
