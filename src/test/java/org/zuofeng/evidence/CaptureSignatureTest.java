package org.zuofeng.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/**
 * Captures signed on the device: a photo whose statement a registered key signed is {@code VERIFIED}, by the ordinary
 * upload and by tus; a re-encoded photo, a swapped file, a revoked key, another inspector's key and a capture time in
 * the future are each {@code INVALID} with their reason, never dropped; and with signed captures required for covert
 * inspections, an unsigned capture of one under way is refused.
 */
@QuarkusTest
@TestProfile(CaptureSignatureTest.SignedCovert.class)
class CaptureSignatureTest {

    /** The policy on: evidence of a covert inspection under way must be signed. */
    public static class SignedCovert implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zuofeng.evidence.require-signed-covert", "true");
        }
    }

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** A device: its key pair, registered by {@code subject}. */
    private record Device(String subject, KeyPair keys, String keyId, String id) {

        static Device of(String subject) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            ECPublicKey key = (ECPublicKey) keys.getPublic();
            Map<String, Object> jwk = Map.of("kty", "EC", "crv", "P-256", "x", coordinate(key.getW().getAffineX()),
                    "y", coordinate(key.getW().getAffineY()));
            JsonPath registered = as(subject, "inspector").body(Map.of("clientId", UUID.randomUUID().toString(),
                    "publicKey", jwk)).post("/api/v1/sync/devices").then().statusCode(201).extract().jsonPath();
            return new Device(subject, keys, registered.getString("keyId"), registered.getString("id"));
        }

        /** A compact JWS, ES256, over the statement of a capture of {@code content}. */
        String sign(byte[] content, OffsetDateTime capturedAt, UUID evidenceId) throws Exception {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
            // Always with its seconds: OffsetDateTime.toString() leaves out ":00", which RFC 3339 requires.
            payload.put("capturedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(capturedAt));
            payload.put("place", Map.of("latitude", 23.5479, "longitude", 116.3726));
            if (evidenceId != null) {
                payload.put("evidenceId", evidenceId.toString());
            }
            String input = part("{\"alg\":\"ES256\",\"kid\":\"" + keyId + "\"}") + "."
                    + part(new ObjectMapper().writeValueAsString(payload));
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(keys.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(signer.sign());
        }
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int from = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, from, fixed, 32 - (bytes.length - from), bytes.length - from);
        return B64URL.encodeToString(fixed);
    }

    private static String part(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static OffsetDateTime minutesAgo(int minutes) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(minutes).withNano(0);
    }

    private static String findingOf(String lead, String type) {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        return Fixtures.aFinding(Fixtures.anInspection(type, unit).lead(lead).started(), unit).createAs(lead)
                .getString("id");
    }

    private static JsonPath upload(String lead, String finding, byte[] photo, String statement, int status) {
        var request = Api.uploadAs(lead, "image/jpeg", photo, "inspector");
        if (statement != null) {
            request.header("Capture-Statement", statement);
        }
        return request.post("/api/v1/findings/{id}/evidence", finding).then().statusCode(status).extract()
                .jsonPath();
    }

    @Test
    void aCaptureSignedByARegisteredKeyIsVerifiedWithTheTimeAndPlaceItSigned() throws Exception {
        String lead = Fixtures.uniqueCode("lead");
        Device device = Device.of(lead);
        String finding = findingOf(lead, "OPEN");
        byte[] photo = Media.jpeg(4_000);
        OffsetDateTime taken = minutesAgo(3);

        JsonPath signed = upload(lead, finding, photo, device.sign(photo, taken, null), 201);
        JsonPath unsigned = upload(lead, finding, Media.jpeg(4_100), null, 201);

        assertEquals("UNSIGNED", unsigned.getString("provenance.status"));
        assertEquals("VERIFIED", signed.getString("provenance.status"));
        assertEquals(device.keyId(), signed.getString("provenance.deviceKeyId"));
        assertEquals(23.5479, signed.getDouble("provenance.place.latitude"), 1e-9);
        assertEquals(taken.toInstant(),
                OffsetDateTime.parse(signed.getString("provenance.capturedAt")).toInstant());
    }

    @Test
    void aC2paManifestACaptureAppEmbeddedIsReportedAndKeptByteForByte() throws Exception {
        String lead = Fixtures.uniqueCode("lead");
        String finding = findingOf(lead, "OPEN");
        byte[] label = "jumb....jumdc2pa.c2pa-manifest-store".getBytes(StandardCharsets.US_ASCII);
        byte[] app11 = concat(new byte[] {(byte) 0xFF, (byte) 0xEB, 0, (byte) (label.length + 10), 'J', 'P', 0, 1, 0,
                0, 0, 1}, label);
        byte[] jfif = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
                0, 1, 0, 0};
        byte[] credentialed = Media.withHead(6_000, concat(jfif, app11, new byte[] {(byte) 0xFF, (byte) 0xDA}));
        byte[] plain = Media.withHead(6_001, concat(jfif, new byte[] {(byte) 0xFF, (byte) 0xDA}));
        byte[] ihdr = {0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 1, 2, 3, 4};
        byte[] png = Media.withHead(6_002, concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                ihdr, new byte[] {0, 0, 0, 4, 'c', 'a', 'B', 'X', 1, 2, 3, 4, 0, 0, 0, 0}));
        byte[] uuid = concat(new byte[] {0, 0, 0, 40, 'u', 'u', 'i', 'd'},
                HexFormat.of().parseHex("d8fec3d61b0e483c92975828877ec481"), new byte[16]);
        byte[] mp4 = Media.withHead(20_000, concat(Media.ftyp("isom", "isomiso2mp41"), uuid));

        JsonPath jpeg = upload(lead, finding, credentialed, null, 201);
        assertTrue(jpeg.getBoolean("provenance.c2paManifest"), "a JPEG's APP11 JUMBF manifest store");
        assertFalse(upload(lead, finding, plain, null, 201).getBoolean("provenance.c2paManifest"));
        assertTrue(Api.uploadAs(lead, "image/png", png, "inspector").post("/api/v1/findings/{id}/evidence", finding)
                .then().statusCode(201).extract().<Boolean>path("provenance.c2paManifest"), "a PNG's caBX chunk");
        assertTrue(Api.uploadAs(lead, "video/mp4", mp4, "inspector").post("/api/v1/findings/{id}/evidence", finding)
                .then().statusCode(201).extract().<Boolean>path("provenance.c2paManifest"), "an MP4's C2PA uuid box");
        assertArrayEquals(credentialed, Api.downloadAs(lead, "inspector")
                .get("/api/v1/evidence/{id}/content", jpeg.getString("id")).then().statusCode(200).extract()
                .asByteArray(), "the manifest is kept with the file");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void aResumableUploadCarriesItsStatementInTheMetadataAndIsJudgedWhenComplete() throws Exception {
        String lead = Fixtures.uniqueCode("lead");
        Device device = Device.of(lead);
        String finding = findingOf(lead, "OPEN");
        byte[] photo = Media.jpeg(6_000);
        UUID evidenceId = UUID.randomUUID();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("evidenceId", evidenceId.toString());
        metadata.put("findingId", finding);
        metadata.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo)));
        metadata.put("mediaType", "image/jpeg");
        metadata.put("captureStatement", device.sign(photo, minutesAgo(1), evidenceId));
        StringBuilder encoded = new StringBuilder();
        metadata.forEach((key, value) -> encoded.append(encoded.isEmpty() ? "" : ",").append(key).append(' ')
                .append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        String location = as(lead, "inspector").noContentType().header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(photo.length)).header("Upload-Metadata", encoded.toString())
                .post("/api/v1/uploads").then().statusCode(201).extract().header("Location");
        as(lead, "inspector").contentType("application/offset+octet-stream").header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", "0").body(photo).patch(URI.create(location).getPath()).then()
                .statusCode(204);

        as(lead, "inspector").get("/api/v1/evidence/{id}", evidenceId).then().statusCode(200)
                .body("provenance.status", equalTo("VERIFIED"))
                .body("provenance.deviceKeyId", equalTo(device.keyId()));
    }

    @Test
    void aReencodedPhotoASwappedFileARevokedKeyAnotherInspectorsKeyAndAFutureTimeAreEachInvalid() throws Exception {
        String lead = Fixtures.uniqueCode("lead");
        String colleague = Fixtures.uniqueCode("lead");
        Device device = Device.of(lead);
        Device theirs = Device.of(colleague);
        String finding = findingOf(lead, "OPEN");
        byte[] original = Media.jpeg(5_000);
        byte[] reencoded = Arrays.copyOf(original, original.length);
        reencoded[reencoded.length - 3] ^= 0x5a;
        byte[] swapped = Media.jpeg(5_500);

        invalid(lead, finding, reencoded, device.sign(original, minutesAgo(2), null), "DIGEST_MISMATCH");
        invalid(lead, finding, swapped, device.sign(original, minutesAgo(2), null), "DIGEST_MISMATCH");
        byte[] mine = Media.jpeg(5_600);
        invalid(lead, finding, mine, theirs.sign(mine, minutesAgo(2), null), "ANOTHER_SUBJECTS_KEY");
        byte[] later = Media.jpeg(5_700);
        invalid(lead, finding, later, device.sign(later, minutesAgo(-60), null), "CAPTURED_IN_THE_FUTURE");
        byte[] garbled = Media.jpeg(5_800);
        invalid(lead, finding, garbled, "not.a.jws", "MALFORMED");

        as(lead, "inspector").body(Map.of("reason", "?")).post("/api/v1/sync/devices/{id}/revocation", device.id())
                .then().statusCode(403);
        as("commission-1", "commission").body(Map.of("reason", "手机遗失"))
                .post("/api/v1/sync/devices/{id}/revocation", device.id()).then().statusCode(200)
                .body("revokedBy", equalTo("commission-1"));
        byte[] afterRevocation = Media.jpeg(5_900);
        invalid(lead, finding, afterRevocation, device.sign(afterRevocation, minutesAgo(1), null), "REVOKED_KEY");
    }

    private static void invalid(String lead, String finding, byte[] photo, String statement, String reason) {
        JsonPath judged = upload(lead, finding, photo, statement, 201);
        assertEquals("INVALID", judged.getString("provenance.status"), reason);
        assertEquals(reason, judged.getString("provenance.reason"));
    }

    @Test
    void anUnsignedCaptureOfACovertInspectionUnderWayIsRefusedAndASignedOneKept() throws Exception {
        String lead = Fixtures.uniqueCode("lead");
        Device device = Device.of(lead);
        String finding = findingOf(lead, "COVERT");
        byte[] photo = Media.jpeg(7_000);

        assertEquals("CAPTURE_SIGNATURE_REQUIRED", upload(lead, finding, photo, null, 400).getString("code"));
        as(lead, "inspector").get("/api/v1/findings/{id}/evidence", finding).then().statusCode(200)
                .body("items.size()", equalTo(0));
        upload(lead, finding, photo, device.sign(photo, minutesAgo(5), null), 201);
        upload(lead, findingOf(lead, "OPEN"), Media.jpeg(7_100), null, 201);
    }

    @Test
    void aKeyIsBoundToWhoRegisteredItAndMustBeAPointOfTheCurve() throws Exception {
        String lead = Fixtures.uniqueCode("lead");
        Device device = Device.of(lead);
        ECPublicKey key = (ECPublicKey) device.keys().getPublic();
        Map<String, Object> jwk = Map.of("kty", "EC", "crv", "P-256", "x", coordinate(key.getW().getAffineX()),
                "y", coordinate(key.getW().getAffineY()));
        as(Fixtures.uniqueCode("lead"), "inspector").body(Map.of("clientId", UUID.randomUUID().toString(),
                "publicKey", jwk)).post("/api/v1/sync/devices").then().statusCode(409);
        Map<String, Object> offCurve = Map.of("kty", "EC", "crv", "P-256", "x", coordinate(key.getW().getAffineX()),
                "y", coordinate(key.getW().getAffineY().add(BigInteger.ONE)));
        as(lead, "inspector").body(Map.of("clientId", UUID.randomUUID().toString(), "publicKey", offCurve))
                .post("/api/v1/sync/devices").then().statusCode(400);
        as("someone", "hr").get("/api/v1/sync/devices").then().statusCode(403);
        as(Fixtures.uniqueCode("lead"), "inspector").get("/api/v1/sync/devices/{id}", device.id()).then()
                .statusCode(404);
        as("auditor-1", "auditor").get("/api/v1/sync/devices/{id}", device.id()).then().statusCode(200)
                .body("revokedAt", nullValue());
    }
}
