package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.common.crypto.Sealing;
import org.zuofeng.exports.ExportRunner;
import org.zuofeng.support.Api;
import org.zuofeng.support.EvidenceStoreResource;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.TestClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence sealed at rest: every file the service keeps is encrypted under a data key of its own (Tink's streaming
 * AEAD), wrapped by the key encryption key; a byte range reads only its segments; a changed byte is an error, never
 * wrong bytes; a rotation re-wraps keys and rewrites no file; content an earlier version kept in clear is sealed by a
 * job that resumes where it stopped.
 */
@QuarkusTest
class SealedAtRestTest {

    private static final String CHUNK = "application/offset+octet-stream";

    @Inject
    Sealing sealing;

    @Inject
    EntityManager em;

    @Inject
    ExportRunner exports;

    @Inject
    ClearContentSealer sealer;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void noClearByteOfEvidenceAnUnfinishedUploadOrAnExportIsEverOnDisk() throws Exception {
        String marker = "CLEAR-MARKER-" + UUID.randomUUID();
        Scene scene = scene();
        byte[] photo = marked(Media.jpeg(40_000), marker);
        String evidenceId = Api.uploadAs(scene.lead(), "image/jpeg", photo, "inspector")
                .post("/api/v1/findings/{id}/evidence", scene.findingId()).then().statusCode(201)
                .extract().path("id");

        byte[] video = marked(Media.mp4(60_000), marker);
        String upload = createUpload(scene, video);
        chunk(scene.lead(), 0, Arrays.copyOf(video, 30_000)).patch(upload).then().statusCode(204);

        JsonPath district = Fixtures.aDistrict();
        Fixtures.aUnit().under(district).named("单位 " + marker).create();
        String export = Api.as("hr-1", "hr").body(Map.of("entity", "UNIT", "format", "NDJSON", "filters",
                Map.of("ancestorId", district.getString("id")))).post("/api/v1/exports").then().statusCode(202)
                .extract().path("id");
        exports.runQueued();

        assertEquals(List.of(), filesHolding(marker.getBytes(StandardCharsets.UTF_8)),
                "no file on the volume holds a clear byte of what it keeps");
        assertArrayEquals(photo, Api.downloadAs(scene.lead(), "inspector")
                .get("/api/v1/evidence/{id}/content", evidenceId).then().statusCode(200).extract().asByteArray());
        assertTrue(new String(Api.downloadAs("hr-1", "hr").get("/api/v1/exports/{id}/content", export).then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8).contains(marker));
        chunk(scene.lead(), 30_000, Arrays.copyOfRange(video, 30_000, video.length)).patch(upload).then()
                .statusCode(204);
        assertArrayEquals(video, Api.downloadAs(scene.lead(), "inspector")
                .get("/api/v1/evidence/{id}/content", uploadedEvidence(scene, video)).then().statusCode(200)
                .extract().asByteArray(), "the pieces of a resumable upload open in order, in clear");
    }

    @Test
    void aByteRangeReadsAcrossTheSealedSegmentsAndAChangedSegmentIsAnErrorNeverWrongBytes() throws Exception {
        byte[] clear = new byte[2_600_000];
        new Random(7).nextBytes(clear);
        Sealing.DataKey key = sealing.newKey();
        Path file = Files.createTempFile(EvidenceStoreResource.directory(), "segments", ".sealed");
        try (OutputStream out = sealing.sealing(key, Files.newOutputStream(file))) {
            out.write(clear);
        }
        long[][] ranges = {{0, 10}, {1_048_000, 2_000}, {1_000_000, 1_200_000}, {2_599_990, 10}, {5, 2_599_995}};
        for (long[] range : ranges) {
            try (InputStream in = sealing.open(key, file, range[0], range[1])) {
                assertArrayEquals(Arrays.copyOfRange(clear, (int) range[0], (int) (range[0] + range[1])),
                        in.readAllBytes(), "bytes " + range[0] + "+" + range[1]);
            }
        }

        flip(file, 1_500_000);
        try (InputStream first = sealing.open(key, file, 0, 1_000_000)) {
            assertArrayEquals(Arrays.copyOf(clear, 1_000_000), first.readAllBytes(),
                    "a segment that was not changed still reads");
        }
        try (InputStream across = sealing.open(key, file, 1_000_000, 600_000)) {
            assertThrows(Sealing.Damaged.class, across::readAllBytes, "the changed segment is refused");
        }
        assertThrows(Sealing.Damaged.class, () -> sealing.open(sealing.newKey(), file, 0, 10).read(),
                "under another key, nothing reads");
    }

    @Test
    void evidenceWhoseSealedBytesChangedOnDiskIsAProblemNotItsBytes() throws Exception {
        Scene scene = scene();
        byte[] photo = unique(Media.png(20_000));
        String id = Api.uploadAs(scene.lead(), "image/png", photo, "inspector")
                .post("/api/v1/findings/{id}/evidence", scene.findingId()).then().statusCode(201)
                .extract().path("id");
        Path sealed = sealedFileOf(sha256(photo));
        sealed.toFile().setWritable(true);
        flip(sealed, 5_000);

        Api.downloadAs(scene.lead(), "inspector").get("/api/v1/evidence/{id}/content", id).then().statusCode(500)
                .body("type", equalTo("/api/v1/problems/content-damaged"));
        Api.downloadAs(scene.lead(), "inspector").header("Range", "bytes=100-200")
                .get("/api/v1/evidence/{id}/content", id).then().statusCode(500)
                .body("type", equalTo("/api/v1/problems/content-damaged"));
    }

    @Test
    void contentKeptInClearByAnEarlierVersionIsSealedByAJobThatResumesWhereItStopped() throws Exception {
        Scene scene = scene();
        List<byte[]> photos = List.of(unique(Media.jpeg(9_000)), unique(Media.jpeg(9_001)), unique(Media.jpeg(9_002)),
                unique(Media.jpeg(9_003)));
        List<String> ids = photos.stream().map(photo -> Api.uploadAs(scene.lead(), "image/jpeg", photo, "inspector")
                .post("/api/v1/findings/{id}/evidence", scene.findingId()).then().statusCode(201)
                .extract().<String>path("id")).toList();
        photos.forEach(this::asAnEarlierVersionKeptIt);
        // A run that died writing its sealed copy left a part file; another died after its key committed.
        Path stale = clearFileOf(sha256(photos.get(0))).resolveSibling(sha256(photos.get(0)) + "."
                + "0".repeat(32) + ".part");
        Files.write(stale, new byte[] {1, 2, 3});
        String halfDone = sha256(photos.get(1));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select 1 from evidence_blobs where sha256 = :s for update")
                    .setParameter("s", halfDone).getResultList();
            return storage().sealClear(halfDone);
        }));

        assertEquals(2, sealer.seal(2), "a run may stop after any content");
        long clearLeft = photos.stream().filter(p -> Files.exists(clearFileOf(sha256(p)))).count();
        assertEquals(2, clearLeft, "what was not reached is still in clear");
        for (int i = 0; i < photos.size(); i++) {
            assertArrayEquals(photos.get(i), content(scene, ids.get(i)), "readable while the job is under way");
        }

        sealer.seal(Integer.MAX_VALUE);
        for (int i = 0; i < photos.size(); i++) {
            String sha256 = sha256(photos.get(i));
            assertFalse(Files.exists(clearFileOf(sha256)), "no clear file is left");
            assertTrue(QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                    "select key_ref is not null and not clear_left from evidence_blobs where sha256 = :s")
                    .setParameter("s", sha256).getSingleResult()));
            assertArrayEquals(photos.get(i), content(scene, ids.get(i)), "sealed, the same bytes");
        }
        assertFalse(Files.exists(stale), "the interrupted run's part file is gone");
        assertEquals(List.of(), filesHolding(Arrays.copyOfRange(photos.get(3), 500, 540)));
    }

    @Test
    void anUploadAnEarlierVersionBeganInClearIsSealedWhenItContinues() throws Exception {
        Scene scene = scene();
        byte[] video = unique(Media.mp4(50_000));
        String upload = createUpload(scene, video);
        chunk(scene.lead(), 0, Arrays.copyOf(video, 20_000)).patch(upload).then().statusCode(204);
        String id = upload.substring(upload.lastIndexOf('/') + 1);
        Path uploads = EvidenceStoreResource.directory().resolve("uploads");
        // What an earlier version left: the bytes so far in one clear file, and no key on the upload.
        Files.write(uploads.resolve(id + ".part"), Arrays.copyOf(video, 20_000));
        try (Stream<Path> pieces = Files.list(uploads)) {
            for (Path piece : pieces.filter(p -> p.getFileName().toString().endsWith(".piece")
                    && p.getFileName().toString().startsWith(id)).toList()) {
                Files.delete(piece);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update uploads set key_ref = null, wrapped_key = null, kek_id = null where id = cast(:id as uuid)")
                .setParameter("id", id).executeUpdate());

        chunk(scene.lead(), 20_000, Arrays.copyOfRange(video, 20_000, video.length)).patch(upload).then()
                .statusCode(204);

        assertFalse(Files.exists(uploads.resolve(id + ".part")), "the clear file is gone");
        assertArrayEquals(video, content(scene, uploadedEvidence(scene, video)));
    }

    /** Turns sealed content back into what an earlier version kept: a clear file and a row without a key. */
    private void asAnEarlierVersionKeptIt(byte[] content) {
        String sha256 = sha256(content);
        try {
            Path sealed = sealedFileOf(sha256);
            Files.write(clearFileOf(sha256), content);
            sealed.toFile().setWritable(true);
            Files.delete(sealed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update evidence_blobs set key_ref = null, wrapped_key = null, kek_id = null, clear_left = true
                        where sha256 = :s""").setParameter("s", sha256).executeUpdate());
    }

    private static EvidenceStorage storage() {
        return io.quarkus.arc.Arc.container().instance(EvidenceStorage.class).get();
    }

    record Scene(String lead, String findingId) {
    }

    static Scene scene() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        return new Scene(lead, Fixtures.aFinding(inspection, unit).createAs(lead).getString("id"));
    }

    static byte[] content(Scene scene, String evidenceId) {
        return Api.downloadAs(scene.lead(), "inspector").get("/api/v1/evidence/{id}/content", evidenceId).then()
                .statusCode(200).extract().asByteArray();
    }

    private static String createUpload(Scene scene, byte[] video) {
        String metadata = String.join(",", "evidenceId " + b64(UUID.randomUUID().toString()),
                "findingId " + b64(scene.findingId()), "sha256 " + b64(sha256(video)), "mediaType " + b64("video/mp4"));
        return Api.as(scene.lead(), "inspector").noContentType().header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(video.length)).header("Upload-Metadata", metadata)
                .post("/api/v1/uploads").then().statusCode(201).extract().header("Location");
    }

    private static RequestSpecification chunk(String subject, long offset, byte[] bytes) {
        return Api.as(subject, "inspector").contentType(CHUNK).header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", String.valueOf(offset)).body(bytes);
    }

    private static String uploadedEvidence(Scene scene, byte[] content) {
        List<String> ids = Api.as(scene.lead(), "inspector").get("/api/v1/findings/{id}/evidence", scene.findingId())
                .then().statusCode(200).extract().path("items.findAll { it.sha256 == '" + sha256(content) + "' }.id");
        return ids.getFirst();
    }

    /** Every file under the evidence volume that holds {@code needle}. */
    static List<Path> filesHolding(byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(EvidenceStoreResource.directory())) {
            return files.filter(Files::isRegularFile).filter(f -> holds(f, needle)).toList();
        }
    }

    private static boolean holds(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException gone) {
            return false;
        }
    }

    static Path clearFileOf(String sha256) {
        return EvidenceStoreResource.directory().resolve("content").resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    static Path sealedFileOf(String sha256) throws IOException {
        try (Stream<Path> files = Files.list(clearFileOf(sha256).getParent())) {
            return files.filter(f -> f.getFileName().toString().matches(sha256 + "\\.[0-9a-f]{32}"))
                    .findFirst().orElseThrow();
        }
    }

    private static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(at);
            int b = raw.read();
            raw.seek(at);
            raw.write(b ^ 0x01);
        }
    }

    private static byte[] marked(byte[] content, String marker) {
        byte[] bytes = marker.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, content, 200, bytes.length);
        return content;
    }

    static byte[] unique(byte[] content) {
        byte[] tail = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, content, content.length - tail.length, tail.length);
        return content;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
