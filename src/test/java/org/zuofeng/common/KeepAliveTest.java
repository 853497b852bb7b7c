package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Tokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection serves request after request: only a response that leaves a request's body unread closes it, never
 * one to a request without a body or whose body was read. A large body is not received at all (ImportJobTest); a
 * small one is drained first, so that the client still sending it reads its answer instead of a reset.
 */
@QuarkusTest
class KeepAliveTest {

    @Test
    void requestsWithoutABodyShareOneConnection() throws IOException {
        String token = Tokens.token("hr-1", "hr");
        threeOnOneConnection("200", () -> ("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + token + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void requestsWhoseBodiesWereReadShareOneConnection() throws IOException {
        String token = Tokens.token("hr-1", "hr");
        threeOnOneConnection("201", () -> {
            String body = "{\"code\":\"KEEP-" + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"name\":\"连接复用\",\"type\":\"DISTRICT\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST /api/v1/units HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\nContent-Type: application/json\r\nIdempotency-Key: "
                    + UUID.randomUUID() + "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            return (head + body).getBytes(StandardCharsets.UTF_8);
        });
    }

    /** Three requests, one after the other on one connection: each answered with {@code status}, none closing it. */
    private static void threeOnOneConnection(String status, Supplier<byte[]> request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write(request.get());
                out.flush();
                String head = readHead(in);
                assertTrue(head.startsWith("HTTP/1.1 " + status), head);
                assertFalse(head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close"), head);
                int length = contentLength(head);
                assertEquals(length, in.readNBytes(length).length);
            }
        }
    }

    @Test
    void aSmallBodyRefusedUnreadIsDrainedSoItsClientReadsTheAnswerThenTheConnectionCloses() throws IOException {
        byte[] body = ("{\"name\":\"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /api/v1/units HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String refused = readHead(in);
            assertTrue(refused.startsWith("HTTP/1.1 401"), refused);
            assertTrue(refused.toLowerCase(Locale.ROOT).contains("\r\nconnection: close"), refused);
            in.readNBytes(contentLength(refused));
            assertEquals(-1, in.read(), "closed once the body was drained, without a reset");
        }
    }

    @Test
    void aJsonBodyAFewTimesOverTheLimitIsDrainedSoItsClientReadsThe413() throws IOException, InterruptedException {
        byte[] body = ("{\"code\":\"BIG\",\"type\":\"DISTRICT\",\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /api/v1/units HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Tokens.token("hr-1", "hr") + "\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Slowly, as a phone would: the answer is ready long before the last byte is sent.
            for (int at = 0; at < body.length; at += 64 * 1024) {
                out.write(body, at, Math.min(64 * 1024, body.length - at));
                out.flush();
                Thread.sleep(5);
            }
            String refused = readHead(in);
            assertTrue(refused.startsWith("HTTP/1.1 413"), refused);
            in.readNBytes(contentLength(refused));
            assertEquals(-1, in.read(), "closed once the body was drained, without a reset");
        }
    }

    private static int contentLength(String head) {
        return Integer.parseInt(head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .findFirst().orElseThrow().split(":")[1].trim());
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection after: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
