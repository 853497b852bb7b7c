package org.zuofeng.evidence;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.EvidenceStoreResource;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.Tokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;

/** Evidence: checked on the way in, immutable once kept, served in ranges, never left half-written. */
@QuarkusTest
class EvidenceResourceTest {

    private static final String PROBLEM = "application/problem+json";

    record Scene(String lead, JsonPath inspection, JsonPath finding) {
        String upload() {
            return "/api/v1/findings/" + finding.getString("id") + "/evidence";
        }
    }

    private static Scene scene() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        return new Scene(lead, inspection, Fixtures.aFinding(inspection, unit).createAs(lead));
    }

    @Test
    void aPhotoIsKeptWithItsDigestAndServedBackUnchanged() throws Exception {
        Scene scene = scene();
        byte[] photo = Media.jpeg(20_000);
        var response = Api.uploadAs(scene.lead(), "image/jpeg", photo, "inspector")
                .header("X-Captured-At", "2026-11-20T10:15:00+08:00")
                .header("X-File-Name", "%E7%AA%97%E5%8F%A3%E6%97%A0%E4%BA%BA.jpg")
                .post(scene.upload()).then()
                .statusCode(201)
                .body("sha256", equalTo(sha256(photo)))
                .body("size", equalTo(photo.length))
                .body("mediaType", equalTo("image/jpeg"))
                .body("fileName", equalTo("窗口无人.jpg"))
                .body("capturedAt", equalTo("2026-11-20T10:15:00+08:00"))
                .body("status", equalTo("ACTIVE"))
                .body("uploadedBy", equalTo(scene.lead()))
                .extract();
        String id = response.path("id");
        assertThat(response.header("Location"), endsWith("/api/v1/evidence/" + id));

        byte[] served = Api.downloadAs(scene.lead(), "inspector").get("/api/v1/evidence/{id}/content", id).then()
                .statusCode(200)
                .contentType("image/jpeg")
                .header("ETag", "\"" + sha256(photo) + "\"")
                .header("Accept-Ranges", "bytes")
                .extract().asByteArray();
        assertArrayEquals(photo, served);
        as("commission-1", "commission").get("/api/v1/findings/{id}", scene.finding().getString("id")).then()
                .body("evidence.id", contains(id));
    }

    @Test
    void aPictureThatIsAlsoAWebPageIsServedAsADownloadThatNoBrowserRuns() {
        Scene scene = scene();
        byte[] picture = Media.png(2_000);
        byte[] page = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = Arrays.copyOf(picture, picture.length + page.length);
        System.arraycopy(page, 0, polyglot, picture.length, page.length);
        String id = Api.uploadAs(scene.lead(), "image/png", polyglot, "inspector")
                .header("X-File-Name", encoded("<img src=x onerror=alert(1)>.html")).post(scene.upload()).then()
                .statusCode(201)
                .body("fileName", equalTo("img src=x onerror=alert(1).png"))
                .extract().path("id");

        Api.downloadAs(scene.lead(), "inspector").get("/api/v1/evidence/{id}/content", id).then()
                .statusCode(200)
                .contentType("image/png")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", startsWith("sandbox"))
                .header("Content-Disposition", startsWith("attachment;"))
                .header("Content-Disposition", containsString("filename*=UTF-8''img%20src%3Dx%20onerror%3Dalert%281%29.png"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void fileNamesAreKeptSafeWithTheExtensionOfTheRealType() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("invoice\u202Egnp.exe", "invoicegnp.jpg");
        names.put("..", "evidence.jpg");
        names.put("CON", "_CON.jpg");
        names.put("lpt1.txt", "_lpt1.jpg");
        names.put("../../etc/passwd", "etcpasswd.jpg");
        names.put("a\\b\tc.JPEG", "abc.jpeg");
        names.put("现场照片.JPG", "现场照片.jpg");
        names.put("零\u200B宽.jpg", "零宽.jpg");
        for (var name : names.entrySet()) {
            Scene scene = scene();
            Api.uploadAs(scene.lead(), "image/jpeg", Media.jpeg(1_500), "inspector")
                    .header("X-File-Name", encoded(name.getKey())).post(scene.upload()).then()
                    .statusCode(201)
                    .body("fileName", equalTo(name.getValue()));
        }
        Scene scene = scene();
        Api.uploadAs(scene.lead(), "application/pdf", Media.pdf(1_500), "inspector").post(scene.upload()).then()
                .statusCode(201)
                .body("fileName", equalTo("evidence.pdf"));
    }

    private static String encoded(String name) {
        return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void aRangeRequestReturnsExactlyThoseBytes() throws Exception {
        Scene scene = scene();
        byte[] video = Media.mp4(100_000);
        String id = Api.uploadAs(scene.lead(), "video/mp4", video, "inspector").post(scene.upload()).then()
                .statusCode(201).extract().path("id");
        var download = Api.downloadAs(scene.lead(), "inspector");

        byte[] middle = download.header("Range", "bytes=1000-1999").get("/api/v1/evidence/{id}/content", id).then()
                .statusCode(206)
                .header("Content-Range", "bytes 1000-1999/100000")
                .header("Content-Length", "1000")
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(video, 1000, 2000), middle);
        byte[] tail = Api.downloadAs(scene.lead(), "inspector").header("Range", "bytes=-10")
                .get("/api/v1/evidence/{id}/content", id).then()
                .statusCode(206)
                .header("Content-Range", "bytes 99990-99999/100000")
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(video, 99_990, 100_000), tail);
        byte[] rest = Api.downloadAs(scene.lead(), "inspector").header("Range", "bytes=99000-")
                .get("/api/v1/evidence/{id}/content", id).then()
                .statusCode(206)
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(video, 99_000, 100_000), rest);
        Api.downloadAs(scene.lead(), "inspector").header("Range", "bytes=200000-")
                .get("/api/v1/evidence/{id}/content", id).then()
                .statusCode(416)
                .contentType(PROBLEM)
                .header("Content-Range", "bytes */100000")
                .body("code", equalTo("RANGE_NOT_SATISFIABLE"));
        byte[] whole = Api.downloadAs(scene.lead(), "inspector").header("Range", "bytes=0-9")
                .header("If-Range", "\"some-older-version\"").get("/api/v1/evidence/{id}/content", id).then()
                .statusCode(200)
                .extract().asByteArray();
        assertEquals(video.length, whole.length);
    }

    @Test
    void aDigestMismatchKeepsNeitherARecordNorAFile() throws IOException {
        Scene scene = scene();
        long filesBefore = storedFiles();
        byte[] photo = Media.jpeg(10_000);
        io.restassured.RestAssured.given().filter(org.zuofeng.support.Contract.RESPONSES_ONLY)
                .auth().oauth2(Tokens.token(scene.lead(), "inspector")).contentType("image/jpeg")
                .header("Content-Digest", Media.digest(Media.jpeg(10_001))).body(photo)
                .post(scene.upload()).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("DIGEST_MISMATCH"));
        assertEquals(filesBefore, storedFiles());
        as(scene.lead(), "inspector").get(scene.upload()).then().body("items", empty());
    }

    @Test
    void theBytesDecideTheTypeAndOnlySixTypesAreTaken() throws IOException {
        Scene scene = scene();
        long filesBefore = storedFiles();
        Api.uploadAs(scene.lead(), "image/png", Media.jpeg(5_000), "inspector").post(scene.upload()).then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        Api.invalidUploadAs(scene.lead(), "image/gif", "GIF89a....".getBytes(), "inspector").post(scene.upload()).then()
                .statusCode(415)
                .contentType(PROBLEM);
        Api.uploadAs(scene.lead(), "application/pdf", "not really a pdf".getBytes(), "inspector")
                .post(scene.upload()).then()
                .statusCode(415);
        assertEquals(filesBefore, storedFiles());
        as(scene.lead(), "inspector").get(scene.upload()).then().body("items", empty());
    }

    @Test
    void contentOverTheLimitIsA413AndKeepsNothingWhetherItsLengthIsDeclaredOrNot() throws Exception {
        Scene scene = scene();
        long filesBefore = storedFiles();
        byte[] tooBig = Media.png(65 * 1024 + 1);
        Api.uploadAs(scene.lead(), "image/png", tooBig, "inspector").post(scene.upload()).then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));

        HttpRequest chunked = HttpRequest.newBuilder(URI.create(baseUri() + scene.upload()))
                .header("Authorization", "Bearer " + Tokens.token(scene.lead(), "inspector"))
                .header("Content-Type", "image/png")
                .header("Content-Digest", Media.digest(tooBig))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig)))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode());
        assertEquals(filesBefore, storedFiles());
        as(scene.lead(), "inspector").get(scene.upload()).then().body("items", empty());
    }

    @Test
    void theSameBytesAgainAnswerTheExistingEvidence() {
        Scene scene = scene();
        byte[] photo = Media.heic(8_000);
        String first = Api.uploadAs(scene.lead(), "image/heic", photo, "inspector").post(scene.upload()).then()
                .statusCode(201).extract().path("id");
        Api.uploadAs(scene.lead(), "image/heic", photo, "inspector").post(scene.upload()).then()
                .statusCode(200)
                .body("id", equalTo(first));
        as(scene.lead(), "inspector").get(scene.upload()).then().body("items.id", contains(first));
    }

    @Test
    void anUploadWithoutADigestIsRefused() {
        Scene scene = scene();
        io.restassured.RestAssured.given().filter(org.zuofeng.support.Contract.RESPONSES_ONLY)
                .auth().oauth2(Tokens.token(scene.lead(), "inspector")).contentType("image/jpeg")
                .body(Media.jpeg(1000)).post(scene.upload()).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].parameter", equalTo("Content-Digest"));
    }

    @Test
    void evidenceIsTakenAfterCompletionButNotOnceTheFindingIsDismissed() {
        Scene scene = scene();
        JsonPath current = as(scene.lead(), "inspector").get("/api/v1/inspections/{id}",
                scene.inspection().getString("id")).then().extract().jsonPath();
        Fixtures.transition(as(scene.lead(), "inspector"), "/api/v1/inspections", current,
                Map.of("to", "COMPLETED", "summary", "完成"));
        Api.uploadAs(scene.lead(), "video/quicktime", Media.quicktime(30_000), "inspector").post(scene.upload())
                .then()
                .statusCode(201);

        Fixtures.transition(as("commission-1", "commission"), "/api/v1/findings", as("commission-1", "commission")
                .get("/api/v1/findings/{id}", scene.finding().getString("id")).then().extract().jsonPath(),
                Map.of("to", "DISMISSED", "note", "不属实"));
        Api.uploadAs(scene.lead(), "image/jpeg", Media.jpeg(3_000), "inspector").post(scene.upload()).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("FINDING_CLOSED"));
    }

    @Test
    void onlyTheTeamAddsEvidence() {
        Scene scene = scene();
        Api.uploadAs("commission-1", "image/jpeg", Media.jpeg(2_000), "commission").post(scene.upload()).then()
                .statusCode(403)
                .contentType(PROBLEM);
        Api.uploadAs("auditor-1", "image/jpeg", Media.jpeg(2_000), "auditor").post(scene.upload()).then()
                .statusCode(403);
    }

    @Test
    void withdrawnEvidenceIsHiddenButKept() {
        Scene scene = scene();
        byte[] photo = Media.png(6_000);
        JsonPath kept = Api.uploadAs(scene.lead(), "image/png", photo, "inspector").post(scene.upload()).then()
                .statusCode(201).extract().jsonPath();
        as("admin-1", "admin").header("If-Match", "\"" + kept.getLong("version") + "\"")
                .body(Map.of("to", "WITHDRAWN")).post("/api/v1/evidence/{id}/transitions", kept.getString("id")).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/note"));
        as("commission-1", "commission").header("If-Match", "\"" + kept.getLong("version") + "\"")
                .body(Map.of("to", "WITHDRAWN", "note", "拍错了")).post("/api/v1/evidence/{id}/transitions",
                        kept.getString("id")).then()
                .statusCode(403);
        Fixtures.transition(as("admin-1", "admin"), "/api/v1/evidence", kept,
                Map.of("to", "WITHDRAWN", "note", "拍错了"));

        as("commission-1", "commission").get("/api/v1/evidence/{id}", kept.getString("id")).then().statusCode(404);
        as("commission-1", "commission").get("/api/v1/findings/{id}", scene.finding().getString("id")).then()
                .body("evidence", empty());
        as("auditor-1", "auditor").get("/api/v1/evidence/{id}", kept.getString("id")).then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        byte[] stillThere = Api.downloadAs("admin-1", "admin").get("/api/v1/evidence/{id}/content",
                kept.getString("id")).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(photo, stillThere);
        as("auditor-1", "auditor").get("/api/v1/evidence/{id}/transitions", kept.getString("id")).then()
                .body("items.to", contains("WITHDRAWN"))
                .body("items[0].note", equalTo("拍错了"));
    }

    @Test
    void machineClientsSeeCompletedFindingsButNotEvidenceContent() {
        Scene scene = scene();
        String id = Api.uploadAs(scene.lead(), "application/pdf", Media.pdf(4_000), "inspector")
                .post(scene.upload()).then().statusCode(201).extract().path("id");
        JsonPath current = as(scene.lead(), "inspector").get("/api/v1/inspections/{id}",
                scene.inspection().getString("id")).then().extract().jsonPath();
        Fixtures.transition(as(scene.lead(), "inspector"), "/api/v1/inspections", current,
                Map.of("to", "COMPLETED", "summary", "完成"));

        as("machine", "integration").get("/api/v1/findings/{id}", scene.finding().getString("id")).then()
                .statusCode(200);
        Api.downloadAs("machine", "integration").get("/api/v1/evidence/{id}/content", id).then()
                .statusCode(403);
        Api.downloadAs("hr-1", "hr").get("/api/v1/evidence/{id}/content", id).then()
                .statusCode(200);
    }

    @Test
    void anInspectionCarriesEvidenceOfItsOwn() {
        Scene scene = scene();
        String path = "/api/v1/inspections/" + scene.inspection().getString("id") + "/evidence";
        String id = Api.uploadAs(scene.lead(), "video/mp4", Media.mp4(50_000), "inspector").post(path).then()
                .statusCode(201)
                .body("inspectionId", equalTo(scene.inspection().getString("id")))
                .extract().path("id");
        as("commission-1", "commission").get(path).then()
                .body("items.id", contains(id));
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static long storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(EvidenceStoreResource.directory())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static String baseUri() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
    }
}
