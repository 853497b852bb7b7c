package org.zuofeng.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.common.idempotency.IdempotencyPurge;
import org.zuofeng.common.idempotency.IdempotencyStore;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.zuofeng.support.Api.asHr;

/** A POST retried with the same Idempotency-Key is answered, not executed, again. */
@QuarkusTest
class IdempotencyTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    IdempotencyStore store;

    @Inject
    IdempotencyPurge purge;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswerAndCreatesNothing() {
        JsonPath district = Fixtures.aDistrict();
        String body = json(Fixtures.uniqueCode("IDEM"), district.getString("id"));
        String key = UUID.randomUUID().toString();

        var first = asHr().header("Idempotency-Key", key).body(body).post("/api/v1/units").then()
                .statusCode(201).extract();
        asHr().header("Idempotency-Key", key).body(body).post("/api/v1/units").then()
                .statusCode(201)
                .header("Idempotency-Replayed", "true")
                .header("Location", first.header("Location"))
                .header("ETag", first.header("ETag"))
                .body("id", equalTo(first.path("id")))
                .body("createdAt", equalTo(first.path("createdAt")));
        asHr().queryParam("parentId", district.getString("id")).get("/api/v1/units").then()
                .body("items", hasSize(1));
    }

    @Test
    void aChangeIsKeptOnlyTogetherWithItsAnswer() throws Exception {
        JsonPath district = Fixtures.aDistrict();
        String body = json(Fixtures.uniqueCode("ATOM"), district.getString("id"));
        String key = UUID.randomUUID().toString();

        failStoringTheAnswerTo(key, () -> asHr().header("Idempotency-Key", key).body(body).post("/api/v1/units")
                .then()
                .statusCode(500)
                .contentType(PROBLEM));
        asHr().queryParam("parentId", district.getString("id")).get("/api/v1/units").then()
                .body("items", hasSize(0));

        asHr().header("Idempotency-Key", key).body(body).post("/api/v1/units").then()
                .statusCode(201)
                .header("Idempotency-Replayed", nullValue());
        asHr().header("Idempotency-Key", key).body(body).post("/api/v1/units").then()
                .statusCode(201)
                .header("Idempotency-Replayed", "true");
        asHr().queryParam("parentId", district.getString("id")).get("/api/v1/units").then()
                .body("items", hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422() {
        JsonPath district = Fixtures.aDistrict();
        String key = UUID.randomUUID().toString();
        asHr().header("Idempotency-Key", key).body(json(Fixtures.uniqueCode("A"), district.getString("id")))
                .post("/api/v1/units").then().statusCode(201);

        asHr().header("Idempotency-Key", key).body(json(Fixtures.uniqueCode("B"), district.getString("id")))
                .post("/api/v1/units").then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void aFailedAnswerIsReplayedToo() {
        String key = UUID.randomUUID().toString();
        String body = json(Fixtures.uniqueCode("ORPHAN"), "0194c4b6-5b1e-7000-8000-00000000feed");
        asHr().header("Idempotency-Key", key).body(body).post("/api/v1/units").then().statusCode(400);
        asHr().header("Idempotency-Key", key).body(body).post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .header("Idempotency-Replayed", "true")
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void keysAreScopedToTheCaller() {
        JsonPath district = Fixtures.aDistrict();
        String key = UUID.randomUUID().toString();
        String code = Fixtures.uniqueCode("SCOPE");
        asHr().header("Idempotency-Key", key).body(json(code, district.getString("id")))
                .post("/api/v1/units").then().statusCode(201);

        // Another caller with the same key and body is a new request: here it meets the taken code.
        Api.as("hr-2", "hr").header("Idempotency-Key", key).body(json(code, district.getString("id")))
                .post("/api/v1/units").then()
                .statusCode(409)
                .header("Idempotency-Replayed", not(equalTo("true")))
                .body("code", equalTo("UNIT_CODE_TAKEN"));
    }

    @Test
    void aRetryWhileTheFirstRequestIsStillRunningIsA409() throws Exception {
        JsonPath district = Fixtures.aDistrict();
        String key = UUID.randomUUID().toString();
        String body = json(Fixtures.uniqueCode("FLIGHT"), district.getString("id"));
        claimInFlight("hr-1", "/api/v1/units", key, body);

        asHr().header("Idempotency-Key", key).body(body).post("/api/v1/units").then()
                .statusCode(409)
                .contentType(PROBLEM)
                .header("Retry-After", "1")
                .body("code", equalTo("IDEMPOTENCY_KEY_IN_FLIGHT"));
    }

    @Test
    void aKeyIsForgottenAfter24Hours() {
        JsonPath district = Fixtures.aDistrict();
        String key = UUID.randomUUID().toString();
        asHr().header("Idempotency-Key", key).body(json(Fixtures.uniqueCode("OLD"), district.getString("id")))
                .post("/api/v1/units").then().statusCode(201);

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        asHr().header("Idempotency-Key", key).body(json(Fixtures.uniqueCode("NEW"), district.getString("id")))
                .post("/api/v1/units").then()
                .statusCode(201)
                .header("Idempotency-Replayed", not(equalTo("true")));
    }

    @Test
    void aReplayedAnswerThatShowsPersonalDataIsOnRecordAsAReadToo() {
        String writer = Fixtures.uniqueCode("hr-writer");
        String key = UUID.randomUUID().toString();
        var official = Fixtures.anOfficial().body();
        String id = Api.as(writer, "hr").header("Idempotency-Key", key).body(official).post("/api/v1/officials")
                .then().statusCode(201).extract().path("id");
        Api.as(writer, "hr").header("Idempotency-Key", key).body(official).post("/api/v1/officials").then()
                .statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("idNumber", equalTo(official.get("idNumber")));
        Api.as("auditor-1", "auditor").queryParam("actor", writer).queryParam("action", "READ_PERSONAL_DATA")
                .get("/api/v1/audit-events").then()
                .body("items", hasSize(2))
                .body("items.entityId", everyItem(equalTo(id)))
                .body("items.requestId", org.hamcrest.Matchers.hasItems(org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void storedAnswersHoldNoPersonalDataInClear() throws Exception {
        String key = UUID.randomUUID().toString();
        var official = Fixtures.anOfficial().body();
        asHr().header("Idempotency-Key", key).body(official).post("/api/v1/officials").then().statusCode(201);
        String idNumber = (String) official.get("idNumber");
        asHr().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("idNumber", idNumber))
                .post("/api/v1/officials/search").then().statusCode(200).body("items", hasSize(1));
        try (Connection connection = dataSource.getConnection(); var sql = connection.createStatement();
             var rows = sql.executeQuery("select request_hash, body from idempotency_keys"
                     + " where caller = 'hr-1' and path like '/api/v1/officials%'")) {
            int seen = 0;
            while (rows.next()) {
                for (int column = 1; column <= 2; column++) {
                    byte[] stored = rows.getBytes(column);
                    String text = stored == null ? "" : new String(stored, StandardCharsets.ISO_8859_1)
                            + new String(stored, StandardCharsets.UTF_8);
                    org.junit.jupiter.api.Assertions.assertFalse(text.contains(idNumber)
                            || text.contains((String) official.get("phone")), "kept in clear: " + text);
                    org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(stored,
                            java.security.MessageDigest.getInstance("SHA-256").digest(("{\"idNumber\":\""
                                    + idNumber + "\"}").getBytes(StandardCharsets.UTF_8))),
                            "a plain digest of the search would give the ID number away to a dictionary");
                }
                seen++;
            }
            org.junit.jupiter.api.Assertions.assertTrue(seen >= 2, "both answers are stored");
        }
    }

    @Test
    void expiredAnswersArePurgedInTheBackgroundInBoundedBatches() throws Exception {
        Instant past = clock.instant().minus(Duration.ofDays(2));
        try (Connection connection = dataSource.getConnection(); var sql = connection.createStatement()) {
            sql.execute("delete from idempotency_keys where expires_at <= now()");
            sql.execute("insert into idempotency_keys (caller, method, path, idem_key, request_hash, state,"
                    + " created_at, expires_at) select 'purge-test', 'POST', '/api/v1/units', gen_random_uuid(),"
                    + " '\\x00', 'COMPLETED', timestamptz '" + past + "', timestamptz '" + past.plusSeconds(60)
                    + "' from generate_series(1, 2500)");
        }
        String live = UUID.randomUUID().toString();
        asHr().header("Idempotency-Key", live).body(json(Fixtures.uniqueCode("LIVE"), null)).post("/api/v1/units")
                .then().statusCode(201);

        var result = purge.purgeExpired();

        org.junit.jupiter.api.Assertions.assertEquals(2500, result.rows());
        org.junit.jupiter.api.Assertions.assertEquals(3, result.batches(), "1,000 rows at most per statement");
        try (Connection connection = dataSource.getConnection(); var sql = connection.createStatement();
             var rows = sql.executeQuery("select count(*) from idempotency_keys where caller = 'purge-test'")) {
            rows.next();
            org.junit.jupiter.api.Assertions.assertEquals(0, rows.getInt(1));
        }
        asHr().header("Idempotency-Key", live).body(json(Fixtures.uniqueCode("LIVE"), null)).post("/api/v1/units")
                .then().statusCode(422);
    }

    @Test
    void aKeyMustBeAUuid() {
        Api.invalidAs("hr-1", "hr").header("Idempotency-Key", "retry-1")
                .body(json(Fixtures.uniqueCode("K"), null)).post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].parameter", equalTo("Idempotency-Key"));
    }

    private static String json(String code, String parentId) {
        return parentId == null
                ? "{\"code\":\"" + code + "\",\"name\":\"幂等测试\",\"type\":\"DISTRICT\"}"
                : "{\"code\":\"" + code + "\",\"name\":\"幂等测试\",\"type\":\"AGENCY\",\"parentId\":\"" + parentId + "\"}";
    }

    /**
     * Runs {@code request} while the database refuses to store the answer to {@code key}: the moment a crash between
     * the change and its answer would fall on.
     */
    private void failStoringTheAnswerTo(String key, Runnable request) throws Exception {
        try (Connection connection = dataSource.getConnection(); var sql = connection.createStatement()) {
            sql.execute("""
                    create or replace function test_refuse_answer() returns trigger language plpgsql as $$
                    begin raise exception 'injected fault: the answer cannot be stored'; end $$""");
            sql.execute("create trigger test_refuse_answer before update on idempotency_keys for each row"
                    + " when (new.idem_key = '" + UUID.fromString(key) + "' and new.state = 'COMPLETED')"
                    + " execute function test_refuse_answer()");
            try {
                request.run();
            } finally {
                sql.execute("drop trigger test_refuse_answer on idempotency_keys");
            }
        }
    }

    /** Puts the key in the state a request still being processed leaves it in. */
    private void claimInFlight(String caller, String path, String key, String body) throws Exception {
        byte[] hash = store.fingerprint(body.getBytes(StandardCharsets.UTF_8));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into idempotency_keys (caller, method, path, idem_key, request_hash, state, created_at,
                                                   expires_at)
                     values (?, 'POST', ?, ?, ?, 'IN_FLIGHT', ?, ?)""")) {
            Instant now = clock.instant();
            insert.setString(1, caller);
            insert.setString(2, path);
            insert.setObject(3, UUID.fromString(key));
            insert.setBytes(4, hash);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now.plus(Duration.ofHours(24))));
            insert.executeUpdate();
        }
    }
}
