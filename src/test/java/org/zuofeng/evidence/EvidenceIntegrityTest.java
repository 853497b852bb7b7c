package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Contract;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.PausingEvidenceStorage;
import org.zuofeng.support.TestClock;
import org.zuofeng.support.Tokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence never loses its bytes: no request removes kept content, whatever fails around it; only the sweeper does,
 * for content no record references and no upload has claimed for its grace period.
 */
@QuarkusTest
class EvidenceIntegrityTest {

    @Inject
    PausingEvidenceStorage storage;

    @Inject
    BlobRepository blobs;

    @Inject
    BlobSweeper sweeper;

    @Inject
    TestClock clock;

    @AfterEach
    void reset() {
        storage.release();
        clock.reset();
    }

    record Team(String lead, JsonPath inspection, JsonPath unit) {
        JsonPath finding() {
            return Fixtures.aFinding(inspection, unit).createAs(lead);
        }
    }

    private static Team team() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        return new Team(lead, Fixtures.anInspection("OPEN", unit).lead(lead).started(), unit);
    }

    @Test
    void twoUploadsOfTheSameBytesRacingOneFailingLeaveTheWinnersBytesReadableAndIntact() throws Exception {
        Team team = team();
        JsonPath winner = team.finding();
        JsonPath closed = Fixtures.transition(Api.as("commission-1", "commission"), "/api/v1/findings",
                team.finding(), Map.of("to", "DISMISSED", "note", "不成立"));
        byte[] photo = Media.jpeg(30_000);
        storage.holdAfterKeeping(sha256(photo));

        CompletableFuture<String> upload = CompletableFuture.supplyAsync(() -> Api.uploadAs(team.lead(),
                        "image/jpeg", photo, "inspector").post("/api/v1/findings/{id}/evidence", winner.getString("id"))
                .then().statusCode(201).extract().path("id"));
        assertTrue(storage.awaitKept(), "the first upload has kept its bytes and not yet committed");

        RestAssured.given().filter(Contract.RESPONSES_ONLY).auth().oauth2(Tokens.token(team.lead(), "inspector"))
                .contentType("image/jpeg").header("Content-Digest", Media.digest(Media.jpeg(30_001))).body(photo)
                .post("/api/v1/findings/{id}/evidence", team.finding().getString("id")).then()
                .statusCode(400)
                .body("code", equalTo("DIGEST_MISMATCH"));
        Api.uploadAs(team.lead(), "image/jpeg", photo, "inspector")
                .post("/api/v1/findings/{id}/evidence", closed.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("FINDING_CLOSED"));
        sweeper.sweep();

        storage.release();
        String id = upload.get(30, TimeUnit.SECONDS);
        byte[] served = Api.downloadAs(team.lead(), "inspector").get("/api/v1/evidence/{id}/content", id).then()
                .statusCode(200).extract().asByteArray();
        assertArrayEquals(photo, served, "the kept bytes are the ones uploaded, whole");
    }

    @Test
    void theSweeperRemovesOnlyContentNoRecordReferencesAfterItsGracePeriod() throws Exception {
        Team team = team();
        byte[] referenced = Media.png(12_000);
        String id = Api.uploadAs(team.lead(), "image/png", referenced, "inspector")
                .post("/api/v1/findings/{id}/evidence", team.finding().getString("id")).then().statusCode(201)
                .extract().path("id");
        String leftover = keepUnreferenced(Media.png(12_001));

        sweeper.sweep();
        assertTrue(exists(leftover), "nothing goes within the grace period");

        clock.advance(Duration.ofHours(25));
        sweeper.sweep();

        assertTrue(!exists(leftover), "unreferenced content goes once its grace period has passed");
        assertArrayEquals(referenced, Api.downloadAs(team.lead(), "inspector")
                .get("/api/v1/evidence/{id}/content", id).then().statusCode(200).extract().asByteArray());
    }

    /** Content kept by an upload that then failed, as the store and its table hold it. */
    private String keepUnreferenced(byte[] content) throws IOException {
        var staged = storage.stage(new ByteArrayInputStream(content), content.length);
        QuarkusTransaction.requiringNew().call(() -> {
            blobs.claim(staged.sha256(), staged.size(), clock.instant());
            return storage.keep(staged);
        });
        return staged.sha256();
    }

    private boolean exists(String sha256) {
        try (InputStream in = storage.open(sha256, 0, 1)) {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
