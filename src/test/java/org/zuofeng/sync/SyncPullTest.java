package org.zuofeng.sync;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Device;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/** Pulling what changed: a snapshot, then every change of the stable past, and removals of what leaves the view. */
@QuarkusTest
class SyncPullTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    SyncPurge purge;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Scene(JsonPath unit, JsonPath inspection, String lead, String member) {
    }

    private static Scene scene() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        String member = Fixtures.uniqueCode("member");
        JsonPath inspection = Fixtures.anInspection("OPEN", unit).lead(lead).member(member).started();
        return new Scene(unit, inspection, lead, member);
    }

    @Test
    void aSnapshotShowsWhatTheCallerMaySeeThenEachChangeFollows() {
        Scene scene = scene();
        String finding = Fixtures.aFinding(scene.inspection(), scene.unit()).createAs(scene.lead()).getString("id");
        Device device = new Device(scene.member(), "inspector");

        device.pullToHead();
        assertNotNull(device.get("INSPECTION", scene.inspection().getString("id")), "the team's inspection");
        assertEquals("OPEN", device.get("FINDING", finding).data().get("status"));
        assertNotNull(device.get("UNIT", scene.unit().getString("id")), "units are read by every role");

        String second = Fixtures.aFinding(scene.inspection(), scene.unit()).createAs(scene.lead()).getString("id");
        List<Map<String, Object>> changes = device.pullToHead();
        assertTrue(changes.stream().anyMatch(c -> second.equals(c.get("id")) && "UPSERT".equals(c.get("op"))),
                "the new finding comes with the next pull: " + changes);
        assertNotNull(device.get("FINDING", second));
        assertTrue(device.pullToHead().isEmpty(), "nothing changed since");
    }

    @Test
    void aSnapshotTakenAFewRecordsAtATimeHoldsEveryFindingOnce() {
        Scene scene = scene();
        JsonPath other = Fixtures.anInspection("OPEN", scene.unit()).lead(scene.lead()).member(scene.member())
                .started();
        List<String> recorded = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            recorded.add(Fixtures.aFinding(scene.inspection(), scene.unit()).createAs(scene.lead()).getString("id"));
            recorded.add(Fixtures.aFinding(other, scene.unit()).createAs(scene.lead()).getString("id"));
        }
        Device device = new Device(scene.member(), "inspector");

        List<Object> pulled = new ArrayList<>();
        Map<String, Object> page;
        do {
            page = device.pullOnce(2, 0);
            Device.changesOf(page).stream().filter(c -> "FINDING".equals(c.get("entity")))
                    .forEach(c -> pulled.add(c.get("id")));
        } while (Boolean.TRUE.equals(page.get("hasMore")));
        assertEquals(recorded.size(), pulled.size(), "no finding twice: " + pulled);
        assertEquals(Set.copyOf(recorded), Set.copyOf(pulled), "every finding of the member's two inspections");
    }

    @Test
    void aChangeWhoseTransactionCommitsAfterALaterOneIsNeverSkipped() throws Exception {
        Scene scene = scene();
        String early = Fixtures.aFinding(scene.inspection(), scene.unit()).createAs(scene.lead()).getString("id");
        Device device = new Device(scene.lead(), "inspector");
        device.pullToHead();

        String later;
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement update = held.prepareStatement(
                    "update findings set title = ?, version = version + 1 where id = ?")) {
                update.setString(1, "在一个迟迟不提交的事务里改的");
                update.setObject(2, UUID.fromString(early));
                update.executeUpdate();
            }
            // A later transaction commits while the earlier one is still open.
            later = Fixtures.aFinding(scene.inspection(), scene.unit()).createAs(scene.lead()).getString("id");
            List<Map<String, Object>> meanwhile = device.pullToHead();
            assertTrue(meanwhile.isEmpty(), "nothing past the open transaction is served yet: " + meanwhile);
            held.commit();
        }
        List<Map<String, Object>> after = device.pullToHead();
        assertEquals("在一个迟迟不提交的事务里改的", device.get("FINDING", early).data().get("title"),
                "the change that committed last is served: " + after);
        assertNotNull(device.get("FINDING", later), "and so is the one that committed first");
    }

    @Test
    void aDeviceIsToldToDropWhatLeavesItsViewAndNoOtherDeviceHearsOfIt() {
        Scene scene = scene();
        String finding = Fixtures.aFinding(scene.inspection(), scene.unit()).createAs(scene.lead()).getString("id");
        Device member = new Device(scene.member(), "inspector");
        Device stranger = new Device(Fixtures.uniqueCode("stranger"), "inspector");
        member.pullToHead();
        stranger.pullToHead();
        assertNotNull(member.get("FINDING", finding));

        JsonPath inspection = as("commission-1", "commission")
                .get("/api/v1/inspections/{id}", scene.inspection().getString("id")).then().extract().jsonPath();
        Map<String, Object> withoutMember = Fixtures.anInspection("OPEN", scene.unit()).lead(scene.lead())
                .with("title", inspection.getString("title")).with("plannedStart", inspection.getString("plannedStart"))
                .with("plannedEnd", inspection.getString("plannedEnd")).body();
        as("commission-1", "commission").header("If-Match", "\"" + inspection.getLong("version") + "\"")
                .body(withoutMember).put("/api/v1/inspections/{id}", inspection.getString("id")).then()
                .statusCode(200);

        List<Map<String, Object>> dropped = member.pullToHead();
        assertTrue(dropped.stream().anyMatch(c -> finding.equals(c.get("id")) && "REMOVE".equals(c.get("op"))),
                "the finding leaves the former member's device: " + dropped);
        assertNull(member.get("INSPECTION", inspection.getString("id")));
        assertNull(member.get("FINDING", finding));
        List<Map<String, Object>> unrelated = stranger.pullToHead();
        assertFalse(unrelated.stream().anyMatch(c -> finding.equals(c.get("id"))
                        || inspection.getString("id").equals(c.get("id"))),
                "a device that never held them hears nothing of them: " + unrelated);
    }

    @Test
    void aUnitOfficerWhoseScopeShrinksIsToldToDropWhatLeftIt() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String subject = Fixtures.uniqueCode("officer");
        JsonPath official = Fixtures.anOfficial().linkedTo(subject).create();
        JsonPath post = Fixtures.aPost(official, unit).create();
        Device device = new Device(subject, "unit-officer");
        device.pullToHead();
        assertNotNull(device.get("UNIT", unit.getString("id")), "the unit of their post is in scope");

        Map<String, Object> ended = new java.util.HashMap<>(Map.of("unitId", unit.getString("id"),
                "title", post.getString("title"), "role", post.getString("role"),
                "startDate", post.getString("startDate"), "endDate", Fixtures.today().minusDays(1).toString()));
        as("hr-1", "hr").header("If-Match", "\"" + post.getLong("version") + "\"").body(ended)
                .put("/api/v1/officials/{id}/posts/{postId}", official.getString("id"), post.getString("id"))
                .then().statusCode(200);

        List<Map<String, Object>> changes = device.pullToHead();
        assertTrue(changes.stream().anyMatch(c -> unit.getString("id").equals(c.get("id"))
                && "REMOVE".equals(c.get("op"))), "the unit leaves the device with the scope: " + changes);
        assertNull(device.get("UNIT", unit.getString("id")));
    }

    @Test
    void aCursorOlderThanTheRetentionOfChangesIsGone() {
        Device device = new Device(Fixtures.uniqueCode("away"), "inspector");
        device.pullToHead();
        clock.advance(Duration.ofDays(91));

        as(device.subject, "inspector").queryParam("clientId", device.clientId.toString())
                .queryParam("cursor", device.cursor()).get("/api/v1/sync/changes").then()
                .statusCode(410)
                .body("code", equalTo("CURSOR_EXPIRED"));
        device.forgetCursor();
        device.pullToHead();
    }

    @Test
    void aLongPollIsAnsweredAsSoonAsAChangeComes() throws Exception {
        Scene scene = scene();
        Device device = new Device(scene.lead(), "inspector");
        device.pullToHead();

        Instant asked = Instant.now();
        CompletableFuture<Map<String, Object>> waiting = CompletableFuture.supplyAsync(() -> device.pullOnce(100, 20));
        Thread.sleep(1000);
        assertFalse(waiting.isDone(), "the pull waits while nothing changes");
        String finding = Fixtures.aFinding(scene.inspection(), scene.unit()).createAs(scene.lead()).getString("id");
        Map<String, Object> answer = waiting.get(15, TimeUnit.SECONDS);
        Duration took = Duration.between(asked, Instant.now());

        assertTrue(Device.changesOf(answer).stream().anyMatch(c -> finding.equals(c.get("id"))),
                "the change wakes the pull");
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "answered soon after the change, not at the end: " + took);
    }

    @Test
    void aDeviceNotSeenForLongIsForgottenAndItsNextPullIsASnapshot() throws Exception {
        Scene scene = scene();
        Device device = new Device(scene.lead(), "inspector");
        device.pullToHead();
        assertEquals(1, kept(device.clientId));
        assertTrue(heldRecords(device.clientId) > 0);

        clock.advance(Duration.ofDays(181));
        assertTrue(purge.forgetIdleDevices() >= 1);
        assertEquals(0, kept(device.clientId), "its row is gone");
        assertEquals(0, heldRecords(device.clientId), "and what it held with it");
        clock.reset();
        List<Map<String, Object>> again = device.pullToHead();
        assertTrue(again.stream().anyMatch(c -> scene.inspection().getString("id").equals(c.get("id"))),
                "a snapshot again, its inspection in it");
    }

    @Test
    void aDeviceIsNotForgottenWhileARequestOfItsRuns() throws Exception {
        Scene scene = scene();
        Device device = new Device(scene.lead(), "inspector");
        device.pullToHead();
        clock.advance(Duration.ofDays(181));
        try (Connection request = aRequestOf(device)) {
            purge.forgetIdleDevices();
            assertEquals(1, kept(device.clientId), "left for another time");
            assertTrue(heldRecords(device.clientId) > 0);
            request.commit();
        }
        purge.forgetIdleDevices();
        assertEquals(0, kept(device.clientId), "forgotten once its request is over");
        assertEquals(0, heldRecords(device.clientId));
    }

    @Test
    void anAccountKeepsABoundedNumberOfDevicesItsLeastRecentlySeenForgottenFirst() throws Exception {
        String subject = Fixtures.uniqueCode("many");
        List<Device> devices = new java.util.ArrayList<>();
        for (int n = 0; n < 21; n++) {
            Device device = new Device(subject, "inspector");
            device.pullOnce(1, 0);
            devices.add(device);
            clock.advance(Duration.ofMinutes(2));
        }
        assertEquals(0, kept(devices.get(0).clientId), "the first, least recently seen, is forgotten");
        assertEquals(0, heldRecords(devices.get(0).clientId), "with what it held");
        assertEquals(1, kept(devices.get(1).clientId));
        assertEquals(1, kept(devices.get(20).clientId));
    }

    @Test
    void anAccountsLeastRecentlySeenDeviceIsNotForgottenWhileARequestOfItsRuns() throws Exception {
        String subject = Fixtures.uniqueCode("busy");
        List<Device> devices = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            devices.add(new Device(subject, "inspector"));
            devices.get(n).pullOnce(1, 0);
            clock.advance(Duration.ofMinutes(2));
        }
        Device oldest = devices.get(0);
        try (Connection request = aRequestOf(oldest)) {
            new Device(subject, "inspector").pullOnce(1, 0);
            assertEquals(1, kept(oldest.clientId), "left for another time");
            assertTrue(heldRecords(oldest.clientId) > 0);
            request.commit();
        }
        clock.advance(Duration.ofMinutes(2));
        new Device(subject, "inspector").pullOnce(1, 0);
        assertEquals(0, kept(oldest.clientId), "forgotten for the next new device once its request is over");
        assertEquals(0, heldRecords(oldest.clientId));
    }

    /**
     * A connection in a transaction that holds what a pull or push of the device holds until it commits, on whichever
     * replica serves it: the device's advisory lock.
     */
    private Connection aRequestOf(Device device) throws Exception {
        Connection request = dataSource.getConnection();
        request.setAutoCommit(false);
        try (PreparedStatement lock = request.prepareStatement(
                "select pg_advisory_xact_lock(hashtextextended(?, 7))")) {
            lock.setString(1, device.clientId.toString());
            lock.executeQuery().close();
        }
        return request;
    }

    /** Whether the server keeps the device (1) or has forgotten it (0). */
    private int kept(UUID clientId) throws Exception {
        return count("select count(*) from sync_clients where client_id = ?", clientId);
    }

    /** How many records the server keeps as held by the device. */
    private int heldRecords(UUID clientId) throws Exception {
        return count("select count(*) from sync_held where client_id = ?", clientId);
    }

    private int count(String sql, UUID clientId) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, clientId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
