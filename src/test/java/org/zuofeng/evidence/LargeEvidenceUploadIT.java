package org.zuofeng.evidence;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Tokens;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A video larger than the server's whole heap is accepted: the packaged jar runs with {@code -Xmx128m}
 * ({@code quarkus.test.arg-line}) and the upload is 192 MiB, so it can only succeed if the body is streamed to the
 * store, sealed as it arrives. Byte ranges then read back only the sealed segments they lie in. The body is binary,
 * so this test does not go through the contract filter.
 */
@QuarkusIntegrationTest
class LargeEvidenceUploadIT {

    private static final long SIZE = 192L * 1024 * 1024;
    private static final byte[] HEAD = org.zuofeng.support.Media.ftyp("isom", "isomiso2mp41");

    @Test
    void aVideoLargerThanTheServersHeapIsStreamedIntoTheStore() throws Exception {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("COVERT", unit).lead(lead).started();
        JsonPath finding = Fixtures.aFinding(inspection, unit).createAs(lead);

        byte[] digest = new Video().digest();
        HttpRequest upload = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/findings/" + finding.getString("id") + "/evidence"))
                .header("Authorization", "Bearer " + Tokens.token(lead, "inspector"))
                .header("Content-Type", "video/mp4")
                .header("Content-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(Video::new),
                        SIZE))
                .build();
        // The JDK client asks for HTTP/2 (h2c upgrade); the server answers in HTTP/1.1, whose flow control
        // streams request bodies with back-pressure.
        HttpResponse<String> answer = HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), answer.body());
        JsonPath kept = new JsonPath(answer.body());
        assertEquals(SIZE, kept.getLong("size"));
        assertEquals(HexFormat.of().formatHex(digest), kept.getString("sha256"));

        // Sealed in segments of 1 MiB: ranges within one, across one boundary, across several, and the tail.
        long mib = 1024 * 1024;
        long[][] ranges = {{5, 4096}, {mib - 2048, 4096}, {100 * mib - 7, 3 * mib}, {SIZE - 4096, 4096}};
        for (long[] range : ranges) {
            long from = range[0];
            byte[] got = Api.downloadAs(lead, "inspector")
                    .header("Range", "bytes=" + from + "-" + (from + range[1] - 1))
                    .get("/api/v1/evidence/{id}/content", kept.getString("id")).then()
                    .statusCode(206)
                    .extract().asByteArray();
            byte[] expected = new byte[(int) range[1]];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = Video.byteAt(from + i);
            }
            assertArrayEquals(expected, got, "bytes " + from + "+" + range[1]);
        }
    }

    /** 192 MiB of an MP4-looking file, generated on the fly: byte {@code i} is a function of {@code i}. */
    static final class Video extends InputStream {
        private long position;

        static byte byteAt(long i) {
            if (i < HEAD.length) {
                return HEAD[(int) i];
            }
            long x = i * 0x9E3779B97F4A7C15L;
            return (byte) (x >>> 56 ^ x >>> 29);
        }

        @Override
        public int read() {
            return position < SIZE ? byteAt(position++) & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= SIZE) {
                return -1;
            }
            int n = (int) Math.min(length, SIZE - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = byteAt(position++);
            }
            return n;
        }

        /** The SHA-256 of the whole stream, computed without holding it. */
        byte[] digest() throws Exception {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = read(chunk, 0, chunk.length)) != -1; ) {
                sha.update(chunk, 0, n);
            }
            return sha.digest();
        }
    }
}
