package org.zuofeng.sync;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Device;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.TestClock;
import org.zuofeng.support.Tokens;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resumable evidence uploads by tus 1.0, with a real tus client, and the protocol's edges over plain HTTP. */
@QuarkusTest
class ResumableUploadTest {

    private static final String CHUNK = "application/offset+octet-stream";

    @TestHTTPResource("/api/v1/uploads")
    URL uploads;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Scene(String lead, String findingId, JsonPath inspection, JsonPath unit) {
    }

    private static Scene scene() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        String finding = Fixtures.aFinding(inspection, unit).createAs(lead).getString("id");
        return new Scene(lead, finding, inspection, unit);
    }

    private static Map<String, String> metadata(UUID evidenceId, String findingId, byte[] content, String type) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("evidenceId", evidenceId.toString());
        metadata.put("findingId", findingId);
        metadata.put("sha256", sha256(content));
        metadata.put("mediaType", type);
        metadata.put("filename", "暗访.mp4");
        return metadata;
    }

    @Test
    void aTusClientUploadsAVideoThatResumesWhereItStoppedAndTheEvidenceIsAttached() throws Exception {
        Scene scene = scene();
        byte[] video = unique(Media.mp4(250_000 + 123));
        UUID evidenceId = UUID.randomUUID();
        TusURLMemoryStore store = new TusURLMemoryStore();

        TusUploader first = client(scene.lead(), store).resumeOrCreateUpload(upload(scene, evidenceId, video));
        first.setChunkSize(8 * 1024);
        first.setRequestPayloadSize(32 * 1024);
        while (first.getOffset() < 96 * 1024) {
            first.uploadChunk();
        }
        first.finish(false);
        // The app is killed here; a new client, with the URL it kept, asks where the upload stands and goes on.
        long stoppedAt = Long.parseLong(head(scene.lead(), first.getUploadURL().toString()).then().statusCode(200)
                .extract().header("Upload-Offset"));
        assertTrue(stoppedAt >= 96 * 1024 && stoppedAt < video.length, "part of the upload is kept: " + stoppedAt);

        TusUploader second = client(scene.lead(), store).resumeOrCreateUpload(upload(scene, evidenceId, video));
        assertEquals(stoppedAt, second.getOffset(), "the client resumes from the server's offset");
        second.setChunkSize(8 * 1024);
        second.setRequestPayloadSize(64 * 1024);
        while (second.uploadChunk() > -1) {
            // streaming the rest
        }
        second.finish();

        Api.as(scene.lead(), "inspector").get("/api/v1/evidence/{id}", evidenceId).then().statusCode(200)
                .body("findingId", equalTo(scene.findingId()))
                .body("sha256", equalTo(sha256(video)))
                .body("mediaType", equalTo("video/mp4"))
                .body("fileName", equalTo("暗访.mp4"));
        byte[] kept = Api.downloadAs(scene.lead(), "inspector").get("/api/v1/evidence/{id}/content", evidenceId)
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(video, kept);
    }

    @Test
    void aChunkThatDoesNotMatchItsChecksumIsDroppedAndTheUploadStaysWhereItWas() {
        Scene scene = scene();
        byte[] photo = unique(Media.jpeg(60_000));
        String location = create(scene, UUID.randomUUID(), photo, "image/jpeg");
        byte[] half = Arrays.copyOf(photo, 20_000);

        chunk(scene.lead(), location, 0, half).header("Upload-Checksum", "sha256 " + base64(sha(half, "SHA-256")))
                .patch(location).then().statusCode(204).header("Upload-Offset", "20000");
        byte[] next = Arrays.copyOfRange(photo, 20_000, 40_000);
        Response refused = chunk(scene.lead(), location, 20_000, next)
                .header("Upload-Checksum", "sha1 " + base64(sha(half, "SHA-1"))).patch(location);
        assertEquals(460, refused.statusCode(), refused.asString());
        assertEquals("CHECKSUM_MISMATCH", refused.jsonPath().getString("code"));
        head(scene.lead(), location).then().statusCode(200).header("Upload-Offset", "20000");

        chunk(scene.lead(), location, 20_000, Arrays.copyOfRange(photo, 20_000, photo.length))
                .header("Upload-Checksum", "sha1 " + base64(sha(Arrays.copyOfRange(photo, 20_000, photo.length),
                        "SHA-1")))
                .patch(location).then().statusCode(204).header("Upload-Offset", String.valueOf(photo.length));
    }

    @Test
    void aChunkAtAnotherOffsetThanTheServersIsRefused() {
        Scene scene = scene();
        byte[] photo = unique(Media.jpeg(50_000));
        String location = create(scene, UUID.randomUUID(), photo, "image/jpeg");
        Response refused = chunk(scene.lead(), location, 10, Arrays.copyOf(photo, 100)).patch(location);
        assertEquals(409, refused.statusCode());
        assertEquals("UPLOAD_OFFSET_MISMATCH", refused.jsonPath().getString("code"));
        assertEquals("0", refused.header("Upload-Offset"));
        assertEquals("1.0.0", refused.header("Tus-Resumable"), "a problem of tus is said in tus too");
    }

    @Test
    void aChunkTheClientStopsSendingIsKeptAsFarAsItArrived() throws Exception {
        Scene scene = scene();
        byte[] photo = unique(Media.jpeg(60_000));
        String location = create(scene, UUID.randomUUID(), photo, "image/jpeg");
        String path = java.net.URI.create(location).getPath();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + org.zuofeng.support.Tokens.token(scene.lead(), "inspector") + "\r\nTus-Resumable: 1.0.0\r\n"
                    + "Upload-Offset: 0\r\nContent-Type: " + CHUNK + "\r\nContent-Length: " + photo.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(photo, 0, 40_000);
            out.flush();
            Thread.sleep(500);
        }
        long kept = 0;
        for (int look = 0; look < 50 && kept == 0; look++) {
            Thread.sleep(100);
            kept = Long.parseLong(head(scene.lead(), location).then().statusCode(200).extract()
                    .header("Upload-Offset"));
        }
        assertTrue(kept > 0 && kept <= 40_000, "what arrived is kept: " + kept);
        chunk(scene.lead(), location, kept, Arrays.copyOfRange(photo, (int) kept, photo.length)).patch(location)
                .then().statusCode(204).header("Upload-Offset", String.valueOf(photo.length));
    }

    @Test
    void aWholeThatDoesNotMatchItsDigestAttachesNothingAndIsDiscarded() {
        Scene scene = scene();
        byte[] photo = unique(Media.jpeg(40_000));
        UUID evidenceId = UUID.randomUUID();
        byte[] other = unique(Media.jpeg(40_000));
        other[39_999] ^= 1;
        Map<String, String> metadata = metadata(evidenceId, scene.findingId(), other, "image/jpeg");
        String location = create(scene.lead(), metadata, photo.length);

        Response refused = chunk(scene.lead(), location, 0, photo).patch(location);
        assertEquals(400, refused.statusCode(), refused.asString());
        assertEquals("DIGEST_MISMATCH", refused.jsonPath().getString("code"));
        head(scene.lead(), location).then().statusCode(404);
        Api.as(scene.lead(), "inspector").get("/api/v1/evidence/{id}", evidenceId).then().statusCode(404);
    }

    @Test
    void bytesTheCallerMayAlreadyReadCompleteAnUploadAtOnce() {
        Scene scene = scene();
        byte[] photo = unique(Media.jpeg(60_000));
        Api.uploadAs(scene.lead(), "image/jpeg", photo, "inspector")
                .post("/api/v1/findings/{id}/evidence", scene.findingId()).then().statusCode(201);
        String second = Fixtures.aFinding(scene.inspection(), scene.unit()).createAs(scene.lead()).getString("id");
        UUID evidenceId = UUID.randomUUID();

        Response created = creation(scene.lead(), metadata(evidenceId, second, photo, "image/jpeg"), photo.length)
                .post("/api/v1/uploads");
        created.then().statusCode(201).header("Upload-Offset", String.valueOf(photo.length));
        Api.as(scene.lead(), "inspector").get("/api/v1/evidence/{id}", evidenceId).then().statusCode(200)
                .body("findingId", equalTo(second));
    }

    @Test
    void bytesKeptForOthersAreSentAgainSoTheServerTellsNoOneWhatItKeeps() {
        Scene scene = scene();
        byte[] photo = unique(Media.jpeg(60_000));
        Api.uploadAs(scene.lead(), "image/jpeg", photo, "inspector")
                .post("/api/v1/findings/{id}/evidence", scene.findingId()).then().statusCode(201);
        Scene another = scene();
        UUID evidenceId = UUID.randomUUID();

        String location = create(another, evidenceId, photo, "image/jpeg");
        chunk(another.lead(), location, 0, photo).patch(location).then().statusCode(204)
                .header("Upload-Offset", String.valueOf(photo.length));
        Api.as(another.lead(), "inspector").get("/api/v1/evidence/{id}", evidenceId).then().statusCode(200)
                .body("findingId", equalTo(another.findingId()));
    }

    @Test
    void onlyTheUploaderContinuesAnUploadAndAnUnfinishedOneExpires() {
        Scene scene = scene();
        byte[] photo = unique(Media.jpeg(20_000));
        String location = create(scene, UUID.randomUUID(), photo, "image/jpeg");
        head("someone-else", location).then().statusCode(404);

        clock.advance(Duration.ofDays(8));
        head(scene.lead(), location).then().statusCode(410);
        Response gone = chunk(scene.lead(), location, 0, photo).patch(location);
        assertEquals(410, gone.statusCode());
        assertEquals("UPLOAD_EXPIRED", gone.jsonPath().getString("code"));
    }

    @Test
    void theServerSaysWhatItSpeaksOfTus() {
        Api.anonymous().options("/api/v1/uploads").then().statusCode(204)
                .header("Tus-Version", "1.0.0")
                .header("Tus-Extension", "creation,checksum,expiration")
                .header("Tus-Checksum-Algorithm", "sha1,sha256");
        Scene scene = scene();
        Api.as(scene.lead(), "inspector").noContentType().header("Tus-Resumable", "0.2.2")
                .header("Upload-Length", "1").header("Upload-Metadata", "sha256 " + base64("x".getBytes(
                        StandardCharsets.UTF_8))).post("/api/v1/uploads").then().statusCode(412)
                .header("Tus-Version", "1.0.0").body("code", equalTo("TUS_VERSION_UNSUPPORTED"));
    }

    @Test
    void aPushListsEvidenceUntilItsUploadCompletes() throws Exception {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        Device device = new Device(lead, "inspector");
        byte[] photo = unique(Media.jpeg(30_000));
        UUID finding = UUID.randomUUID();
        UUID evidenceId = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>(Fixtures.aFinding(inspection, unit).body());
        data.put("inspectionId", inspection.getString("id"));
        data.put("evidence", List.of(Map.of("id", evidenceId.toString(), "sha256", sha256(photo), "size",
                photo.length, "mediaType", "image/jpeg")));
        List<Map<String, Object>> batch = List.of(device.mutation("FINDING", finding, null, data));
        device.push(batch).then().statusCode(200).body("evidenceMissing", hasSize(1));

        String location = create(lead, metadata(evidenceId, finding.toString(), photo, "image/jpeg"), photo.length);
        chunk(lead, location, 0, photo).patch(location).then().statusCode(204);

        device.push(batch).then().statusCode(200).body("evidenceMissing", hasSize(0));
    }

    private TusClient client(String subject, TusURLMemoryStore store) {
        TusClient client = new TusClient();
        client.setUploadCreationURL(uploads);
        client.enableResuming(store);
        client.setHeaders(Map.of("Authorization", "Bearer " + Tokens.token(subject, "inspector")));
        return client;
    }

    private static TusUpload upload(Scene scene, UUID evidenceId, byte[] content) {
        TusUpload upload = new TusUpload();
        upload.setInputStream(new ByteArrayInputStream(content));
        upload.setSize(content.length);
        upload.setFingerprint(evidenceId.toString());
        upload.setMetadata(metadata(evidenceId, scene.findingId(), content, "video/mp4"));
        return upload;
    }

    private static String create(Scene scene, UUID evidenceId, byte[] content, String type) {
        return create(scene.lead(), metadata(evidenceId, scene.findingId(), content, type), content.length);
    }

    private static String create(String subject, Map<String, String> metadata, long length) {
        return creation(subject, metadata, length).post("/api/v1/uploads").then().statusCode(201)
                .header("Upload-Offset", "0").extract().header("Location");
    }

    private static RequestSpecification creation(String subject, Map<String, String> metadata, long length) {
        StringBuilder encoded = new StringBuilder();
        metadata.forEach((key, value) -> encoded.append(encoded.isEmpty() ? "" : ",").append(key).append(' ')
                .append(base64(value.getBytes(StandardCharsets.UTF_8))));
        return Api.as(subject, "inspector").noContentType().header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(length)).header("Upload-Metadata", encoded.toString());
    }

    private static RequestSpecification chunk(String subject, String location, long offset, byte[] bytes) {
        return Api.as(subject, "inspector").contentType(CHUNK).header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", String.valueOf(offset)).body(bytes);
    }

    private static Response head(String subject, String location) {
        return Api.as(subject, "inspector").noContentType().header("Tus-Resumable", "1.0.0").head(location);
    }

    /** The media bytes with a random tail, so that no other test has kept the same content. */
    private static byte[] unique(byte[] content) {
        byte[] tail = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, content, content.length - tail.length, tail.length);
        return content;
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha(content, "SHA-256"));
    }

    private static byte[] sha(byte[] content, String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
