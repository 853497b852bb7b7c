package org.zuofeng.evidence;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.common.crypto.KeyRotation;
import org.zuofeng.common.crypto.Sealing;
import org.zuofeng.exports.ExportRunner;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.TestClock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keys of what is sealed at rest: a rotation of the key encryption key re-wraps every data key and rewrites no
 * file, after which the old key may leave the keyset; retention destroys the content of evidence whose matter closed
 * longer ago than its kind's period by deleting its key, and keeps its record and digest.
 */
@QuarkusTest
class KeyRotationAndRetentionTest {

    /** The test profile's keyset file ({@code %test.zuofeng.sealing.keyset}). */
    private static final Path KEYSET = Path.of("target/test-classes/sealing/keyset.json");

    @Inject
    KeyRotation rotation;

    @Inject
    Sealing sealing;

    @Inject
    EvidenceRetention retention;

    @Inject
    ExportRunner exports;

    @Inject
    EntityManager em;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRotationReWrapsEveryDataKeyRewritesNoFileAndThenTheOldKeyMayGo() throws Exception {
        SealedAtRestTest.Scene scene = SealedAtRestTest.scene();
        byte[] photo = SealedAtRestTest.unique(Media.jpeg(30_000));
        String id = Api.uploadAs(scene.lead(), "image/jpeg", photo, "inspector")
                .post("/api/v1/findings/{id}/evidence", scene.findingId()).then().statusCode(201)
                .extract().path("id");
        JsonPath district = Fixtures.aDistrict();
        String export = Api.as("hr-1", "hr").body(Map.of("entity", "UNIT", "format", "CSV", "filters",
                Map.of("ancestorId", district.getString("id")))).post("/api/v1/exports").then().statusCode(202)
                .extract().path("id");
        exports.runQueued();
        byte[] exported = Api.downloadAs("hr-1", "hr").get("/api/v1/exports/{id}/content", export).then()
                .statusCode(200).extract().asByteArray();
        Path sealed = SealedAtRestTest.sealedFileOf(SealedAtRestTest.sha256(photo));
        byte[] sealedBefore = Files.readAllBytes(sealed);
        String original = Files.readString(KEYSET);
        KeysetHandle old = TinkJsonProtoKeysetFormat.parseKeyset(original, InsecureSecretKeyAccess.get());
        long oldId = Integer.toUnsignedLong(old.getPrimary().getId());
        assertEquals(oldId, sealing.kekId());
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(old).addEntry(KeysetHandle
                    .generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                    .build();
            write(rotated);
            long newId = Integer.toUnsignedLong(rotated.getPrimary().getId());
            assertEquals(newId, sealing.kekId(), "a changed keyset file is read again, without a restart");
            assertTrue(rotation.toRewrap() > 0);

            assertTrue(rotation.rewrap() >= 2, "the evidence's and the export's keys at least");
            assertEquals(0, rotation.toRewrap());
            io.restassured.RestAssured.given().get("/q/health/group/sealing").then().statusCode(200)
                    .body("checks[0].data.dataKeysToRewrap", equalTo(0));
            assertArrayEquals(sealedBefore, Files.readAllBytes(sealed), "no file is rewritten");

            write(KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(rotated.getPrimary().getKey())
                    .withFixedId(rotated.getPrimary().getId()).makePrimary()).build());
            assertNotEquals(oldId, sealing.kekId());
            assertArrayEquals(photo, SealedAtRestTest.content(scene, id), "readable without the old key");
            assertArrayEquals(exported, Api.downloadAs("hr-1", "hr").get("/api/v1/exports/{id}/content", export)
                    .then().statusCode(200).extract().asByteArray());
        } finally {
            // Both keys stay, the original primary again: the rest of the run reads whatever either wrapped.
            KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(KEYSET),
                    InsecureSecretKeyAccess.get());
            KeysetHandle.Builder both = KeysetHandle.newBuilder(old);
            both.addEntry(KeysetHandle.importKey(current.getPrimary().getKey())
                    .withFixedId(current.getPrimary().getId()));
            write(both.build());
            rotation.rewrap();
        }
    }

    @Test
    void covertEvidenceIsDestroyedAYearAfterItsInspectionClosedItsRecordAndDigestKept() throws Exception {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath closedCovert = Fixtures.anInspection("COVERT", unit).lead(lead).started();
        JsonPath openCovert = Fixtures.anInspection("COVERT", unit).lead(lead).started();
        JsonPath closedOpen = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        byte[] expiring = SealedAtRestTest.unique(Media.jpeg(8_000));
        byte[] underWay = SealedAtRestTest.unique(Media.jpeg(8_001));
        byte[] ordinary = SealedAtRestTest.unique(Media.jpeg(8_002));
        String expiringId = evidence(lead, closedCovert, expiring);
        String underWayId = evidence(lead, openCovert, underWay);
        String ordinaryId = evidence(lead, closedOpen, ordinary);
        Fixtures.completed(lead, closedCovert);
        Fixtures.completed(lead, closedOpen);

        clock.advance(Duration.ofDays(360));
        retention.destroyExpired();
        assertArrayEquals(expiring, download(lead, expiringId).then().statusCode(200).extract().asByteArray(),
                "kept within its period");

        clock.advance(Duration.ofDays(10));
        assertTrue(retention.destroyExpired() >= 1);

        download(lead, expiringId).then().statusCode(410)
                .body("type", equalTo("/api/v1/problems/content-destroyed"));
        Api.as("commission-1", "commission").get("/api/v1/evidence/{id}", expiringId).then().statusCode(200)
                .body("sha256", equalTo(SealedAtRestTest.sha256(expiring)))
                .body("contentDestroyedAt", notNullValue());
        Api.as("auditor-1", "auditor").get("/api/v1/audit-events?entityId=" + expiringId).then().statusCode(200)
                .body("items.action", hasItem("DESTROY_CONTENT"));
        assertFalse(Files.exists(SealedAtRestTest.clearFileOf(SealedAtRestTest.sha256(expiring)).getParent()
                .resolve(SealedAtRestTest.sha256(expiring))), "nothing in clear");
        assertTrue(Files.list(SealedAtRestTest.clearFileOf(SealedAtRestTest.sha256(expiring)).getParent())
                .noneMatch(f -> f.getFileName().toString().startsWith(SealedAtRestTest.sha256(expiring))),
                "its sealed file is removed too");
        assertEquals(List.of(true), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select wrapped_key is null from evidence_blobs where sha256 = :s")
                .setParameter("s", SealedAtRestTest.sha256(expiring)).getResultList()), "its key is gone");

        assertArrayEquals(underWay, download(lead, underWayId).then().statusCode(200).extract().asByteArray(),
                "the matter of a covert inspection under way is not closed");
        assertArrayEquals(ordinary, download(lead, ordinaryId).then().statusCode(200).extract().asByteArray(),
                "ordinary evidence has no retention period in this configuration");
        Api.as("commission-1", "commission").get("/api/v1/evidence/{id}", ordinaryId).then().statusCode(200)
                .body("contentDestroyedAt", nullValue());
    }

    private static String evidence(String lead, JsonPath inspection, byte[] photo) {
        return Api.uploadAs(lead, "image/jpeg", photo, "inspector")
                .post("/api/v1/inspections/{id}/evidence", inspection.getString("id")).then().statusCode(201)
                .extract().path("id");
    }

    private static io.restassured.response.Response download(String lead, String id) {
        return Api.downloadAs(lead, "inspector").get("/api/v1/evidence/{id}/content", id);
    }

    /** Writes the keyset file as an operator would replace it, and lets the service notice. */
    private void write(KeysetHandle keyset) throws Exception {
        Files.writeString(KEYSET, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()),
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(KEYSET, FileTime.from(Instant.now().plusSeconds(clockTicks++)));
        clock.advance(Duration.ofSeconds(11));
    }

    private static long clockTicks = 1;
}
