package org.zuofeng.common.transparency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/**
 * The transparency log over the audit record: events sealed in commit order, never skipped and never twice; an
 * inclusion proof and a consistency proof that an outsider checks with the published key alone; and a change or a
 * deletion made in SQL behind the service's back found, by name, with the tree heads signed before it.
 */
@QuarkusTest
class AuditLogTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLogSealer sealer;

    @Inject
    AuditLogVerifier verifier;

    @Inject
    AuditLog log;

    @Test
    void anEventOfATransactionStillOpenIsWaitedForAndSealedBeforeTheLaterOnesThatCommittedFirst() throws Exception {
        sealer.seal();
        UUID early = UUID.randomUUID();
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            insertEvent(open, early);
            UUID late = UUID.fromString(Fixtures.aDistrict().getString("id"));
            UUID lateEvent = eventOf(late);
            sealer.seal();
            assertTrue(log.indexOf(lateEvent).isEmpty(), "not sealed while an older transaction is open");
            open.commit();
            sealer.seal();
            long first = log.indexOf(early).orElseThrow();
            long second = log.indexOf(lateEvent).orElseThrow();
            assertTrue(first < second, "sealed in commit order of transactions: " + first + " < " + second);
        }
    }

    @Test
    void twoSealersAtOnceSealEveryEventExactlyOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            Fixtures.aDistrict();
        }
        CompletableFuture<Long> one = CompletableFuture.supplyAsync(sealer::seal);
        CompletableFuture<Long> two = CompletableFuture.supplyAsync(sealer::seal);
        one.get(60, TimeUnit.SECONDS);
        two.get(60, TimeUnit.SECONDS);
        sealer.seal();
        try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
            ResultSet counts = sql.executeQuery("""
                    select (select size from audit_log_state), (select count(*) from audit_log_leaves),
                           (select count(*) from audit_log_nodes where level = 0),
                           (select count(*) from audit_events e where not exists
                               (select 1 from audit_log_leaves l where l.audit_id = e.id))""");
            counts.next();
            assertEquals(counts.getLong(1), counts.getLong(2), "a leaf for every position");
            assertEquals(counts.getLong(1), counts.getLong(3), "a leaf hash for every leaf");
            assertEquals(0, counts.getLong(4), "every committed event sealed");
        }
    }

    @Test
    void anOutsiderChecksAnEventsInclusionAndTheLogsGrowthWithThePublishedKeyAlone() {
        UUID event = eventOf(UUID.fromString(Fixtures.aDistrict().getString("id")));
        JsonPath first = as("auditor-1", "auditor").post("/api/v1/audit-log/tree-heads").then().statusCode(200)
                .extract().jsonPath();
        JsonPath published = given().get("/api/v1/public/audit-log").then().statusCode(200)
                .body("algorithm", equalTo("Ed25519")).extract().jsonPath();
        byte[] key = Base64.getDecoder().decode(published.getString("publicKey"));
        assertTrue(signedAndValid(key, first), "the head's signature verifies under the published key");

        JsonPath proof = as("auditor-1", "auditor").get("/api/v1/audit-events/{id}/proof", event).then()
                .statusCode(200).body("treeSize", equalTo(first.getInt("treeSize"))).extract().jsonPath();
        assertTrue(Merkle.verifyInclusion(proof.getLong("leafIndex"), proof.getLong("treeSize"),
                bytes(proof.getString("leafHash")), hashes(proof.getList("proof")), bytes(first.getString("rootHash"))));
        as("commission-1", "commission").get("/api/v1/audit-events/{id}/proof", event).then().statusCode(403);
        as("auditor-1", "auditor").get("/api/v1/audit-events/{id}/proof", UUID.randomUUID()).then().statusCode(404);

        Fixtures.aDistrict();
        JsonPath second = as("auditor-1", "auditor").post("/api/v1/audit-log/tree-heads").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(second.getLong("treeSize") > first.getLong("treeSize"));
        JsonPath consistency = given().queryParam("first", first.getLong("treeSize"))
                .queryParam("second", second.getLong("treeSize")).get("/api/v1/public/audit-log/consistency")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(Merkle.verifyConsistency(first.getLong("treeSize"), second.getLong("treeSize"),
                bytes(first.getString("rootHash")), bytes(second.getString("rootHash")),
                hashes(consistency.getList("proof"))), "the later tree extends the earlier one");
        given().queryParam("first", 0).queryParam("second", second.getLong("treeSize"))
                .get("/api/v1/public/audit-log/consistency").then().statusCode(400);
        given().queryParam("first", 1).queryParam("second", second.getLong("treeSize") + 1_000_000)
                .get("/api/v1/public/audit-log/consistency").then().statusCode(400);
    }

    @Test
    void anUpdateAndADeleteMadeInSqlBehindTheServicesBackAreFoundByName() throws SQLException {
        UUID changed = eventOf(UUID.fromString(Fixtures.aDistrict().getString("id")));
        UUID deleted = eventOf(UUID.fromString(Fixtures.aDistrict().getString("id")));
        JsonPath before = as("auditor-1", "auditor").post("/api/v1/audit-log/tree-heads").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(verifier.verify().intact(), "intact before: " + verifier.verify());
        given().get("/q/health/group/audit-log").then().statusCode(200);

        try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("create temporary table kept as select * from audit_events where id = '" + deleted + "'");
            sql.executeUpdate("update audit_events set actor = 'someone-else' where id = '" + changed + "'");
            sql.executeUpdate("delete from audit_events where id = '" + deleted + "'");
            try {
                AuditLogVerifier.Report report = verifier.verify();
                assertFalse(report.intact());
                assertEquals(changed, report.firstMismatch().auditEventId());
                assertEquals(AuditLogVerifier.Problem.CHANGED, report.firstMismatch().problem());
                assertTrue(report.failedHeads().stream().anyMatch(h -> h.treeSize() == before.getLong("treeSize")),
                        "the head signed before the change no longer matches: " + report.failedHeads());
                given().get("/q/health/group/audit-log").then().statusCode(503);

                long size = before.getLong("treeSize");
                byte[] rebuilt = verifier.rebuiltRoot(size);
                assertFalse(Merkle.verifyConsistency(size, size, bytes(before.getString("rootHash")), rebuilt,
                        List.of()), "a head rebuilt after the change is inconsistent with the one before it");

                sql.executeUpdate("update audit_events set actor = (select actor from kept) where id = '"
                        + changed + "'");
                AuditLogVerifier.Report gone = verifier.verify();
                assertEquals(deleted, gone.firstMismatch().auditEventId());
                assertEquals(AuditLogVerifier.Problem.MISSING, gone.firstMismatch().problem());
                assertTrue(gone.failedHeads().stream().anyMatch(h -> h.treeSize() == before.getLong("treeSize")),
                        "a deletion alone fails the heads signed before it: " + gone.failedHeads());
            } finally {
                sql.executeUpdate("update audit_events set actor = (select actor from kept) where id = '"
                        + changed + "'");
                sql.executeUpdate("insert into audit_events overriding system value select * from kept"
                        + " on conflict do nothing");
                sql.execute("set session_replication_role = origin");
            }
        }
        assertTrue(verifier.verify().intact(), "intact again once restored");
    }

    private static boolean signedAndValid(byte[] key, JsonPath head) {
        assertNotNull(head.getString("signature"));
        byte[] message = TreeHeads.signedBytes(Instant.ofEpochMilli(head.getLong("timestampMillis")),
                head.getLong("treeSize"), bytes(head.getString("rootHash")));
        return TreeHeadKey.verify(key, message, bytes(head.getString("signature")));
    }

    private UUID eventOf(UUID entityId) {
        sealer.seal();
        try (Connection c = dataSource.getConnection();
                PreparedStatement sql = c.prepareStatement(
                        "select id from audit_events where entity_id = ? order by log_xid, log_position limit 1")) {
            sql.setObject(1, entityId);
            ResultSet found = sql.executeQuery();
            assertTrue(found.next());
            return (UUID) found.getObject(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insertEvent(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("""
                insert into audit_events (id, occurred_at, actor, action, entity_type)
                values (?, now(), 'test', 'CREATE', 'test')""")) {
            sql.setObject(1, id);
            sql.executeUpdate();
        }
    }

    private static byte[] bytes(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static List<byte[]> hashes(List<String> base64) {
        return base64.stream().map(AuditLogTest::bytes).toList();
    }
}
