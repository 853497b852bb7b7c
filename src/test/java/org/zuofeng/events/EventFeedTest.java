package org.zuofeng.events;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.notice.OverdueNotices;
import org.zuofeng.support.FeedReader;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;
import static org.zuofeng.support.Api.asHr;

/** The event feed: every change as a CloudEvent, in commit order, to each reader only what it may read. */
@QuarkusTest
class EventFeedTest {

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @Inject
    OverdueNotices overdue;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachChangeIsAnEventInTheOrderItWasMade() {
        FeedReader reader = new FeedReader("commission-feed", "commission").fromNow();
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        JsonPath finding = Fixtures.aFinding(inspection, unit).createAs(lead);
        JsonPath notice = Fixtures.aNotice("RECTIFICATION_NOTICE", unit).issued();

        List<CloudEvent> events = reader.readUntil(read -> read.stream()
                .anyMatch(e -> e.getSubject().equals(notice.getString("id")) && e.getType().endsWith(".issued")));
        List<String> mine = events.stream()
                .filter(e -> Set.of(unit.getString("id"), inspection.getString("id"), finding.getString("id"),
                        notice.getString("id")).contains(e.getSubject()))
                .map(e -> e.getType() + " " + e.getSubject()).toList();
        assertEquals(List.of(
                "org.zuofeng.unit.created " + unit.getString("id"),
                "org.zuofeng.inspection.created " + inspection.getString("id"),
                "org.zuofeng.inspection.started " + inspection.getString("id"),
                "org.zuofeng.finding.created " + finding.getString("id"),
                "org.zuofeng.notice.created " + notice.getString("id"),
                "org.zuofeng.notice.issued " + notice.getString("id")), mine);

        CloudEvent issued = events.stream().filter(e -> e.getType().equals("org.zuofeng.notice.issued")
                && e.getSubject().equals(notice.getString("id"))).findFirst().orElseThrow();
        assertEquals("1.0", issued.getSpecVersion().toString());
        assertEquals("/api/v1/supervision-notices", issued.getSource().toString());
        assertEquals("application/json", issued.getDataContentType());
        assertEquals("ISSUED", FeedReader.data(issued).get("status"), "data is the notice as its GET shows it");
        assertEquals(notice.getMap("serialNumber"), FeedReader.data(issued).get("serialNumber"));
    }

    @Test
    void underConcurrentCommitsNoEventIsSkipped() throws Exception {
        JsonPath district = Fixtures.aDistrict();
        FeedReader reader = new FeedReader("integration-feed", "integration").fromNow();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            created.add(writers.submit(() -> Fixtures.aUnit().under(district).create().getString("id")));
        }
        List<CloudEvent> seen = new ArrayList<>();
        while (!created.stream().allMatch(Future::isDone)) {
            seen.addAll(reader.readToHead());
        }
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        Set<String> units = new java.util.HashSet<>();
        for (Future<String> f : created) {
            units.add(f.get());
        }
        Set<String> announced = new java.util.HashSet<>(unitsCreatedIn(seen));
        reader.readUntil(read -> {
            announced.addAll(unitsCreatedIn(read));
            return announced.containsAll(units);
        });
        assertTrue(announced.containsAll(units), "every unit created is on the feed, read while they were written");
    }

    @Test
    void aCovertInspectionsEventsAreHeldBackUntilItIsCompletedThenPublishedInOrder() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        FeedReader commission = new FeedReader("commission-feed", "commission").fromNow();
        JsonPath visit = Fixtures.anInspection("COVERT", unit).lead(lead).started();
        JsonPath finding = Fixtures.aFinding(visit, unit).createAs(lead);
        Set<String> secret = Set.of(visit.getString("id"), finding.getString("id"));

        assertTrue(commission.readToHead().stream().noneMatch(e -> secret.contains(e.getSubject())),
                "nothing of a covert visit under way, not even to the commission");

        JsonPath current = as(lead, "inspector").get("/api/v1/inspections/{id}", visit.getString("id")).then()
                .extract().jsonPath();
        Fixtures.transition(as(lead, "inspector"), "/api/v1/inspections", current,
                Map.of("to", "COMPLETED", "summary", "暗访结束"));

        List<String> released = commission.readUntil(read -> read.stream()
                        .anyMatch(e -> e.getType().equals("org.zuofeng.inspection.completed")
                                && e.getSubject().equals(visit.getString("id"))))
                .stream().filter(e -> secret.contains(e.getSubject())).map(CloudEvent::getType).toList();
        assertEquals(List.of("org.zuofeng.inspection.created", "org.zuofeng.inspection.started",
                "org.zuofeng.finding.created", "org.zuofeng.inspection.completed"), released);
    }

    @Test
    void aUnitOfficerReadsOnlyTheEventsOfItsScope() {
        OfficerScene scene = anOfficerOfOneOfTwoUnits();
        JsonPath mine = scene.mine();

        rename(mine);
        rename(scene.other());

        Set<String> subjects = scene.reader().readUntil(read -> read.stream()
                .anyMatch(e -> e.getSubject().equals(mine.getString("id")))).stream().map(CloudEvent::getSubject)
                .collect(Collectors.toSet());
        assertTrue(subjects.contains(mine.getString("id")), "the change of its own unit");
        assertTrue(!subjects.contains(scene.other().getString("id")), "nothing of a unit outside its scope");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWaitingUnitOfficerIsWokenByAChangeInItsScopeAndAnsweredWithNothingElse() throws Exception {
        OfficerScene scene = anOfficerOfOneOfTwoUnits();
        JsonPath mine = scene.mine();

        CompletableFuture<Map<String, Object>> waiting = CompletableFuture.supplyAsync(
                () -> scene.reader().page(null, 20));
        Thread.sleep(1000);
        assertFalse(waiting.isDone(), "the poll waits while nothing changes");
        rename(scene.other());
        Thread.sleep(1500);
        // Woken, the wait read again as the officer, saw nothing it may see, and went on waiting.
        assertFalse(waiting.isDone(), "a change outside its scope does not answer it");
        long renamed = System.nanoTime();
        rename(mine);
        Map<String, Object> answer = waiting.get(15, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - renamed < TimeUnit.SECONDS.toNanos(8), "answered soon after the change");
        assertEquals(Set.of(mine.getString("id")), ((List<Map<String, Object>>) answer.get("events")).stream()
                .map(e -> (String) e.get("subject")).collect(Collectors.toSet()));
    }

    @Test
    void anOverdueRectificationIsAnnouncedOnceThoughTwoSchedulersRunAtOnce() throws Exception {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath notice = Fixtures.aNotice("RECTIFICATION_NOTICE", unit).issued();
        FeedReader reader = new FeedReader("commission-feed", "commission").fromNow();
        clock.advance(Duration.ofDays(32));

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(overdue::announce);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(overdue::announce);
        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS);
        overdue.announce();

        List<CloudEvent> announced = reader.readUntil(read -> read.stream()
                        .anyMatch(e -> e.getType().equals("org.zuofeng.notice.overdue")))
                .stream().filter(e -> e.getType().equals("org.zuofeng.notice.overdue")
                        && e.getSubject().equals(notice.getString("id"))).toList();
        assertEquals(1, announced.size(), "one announcement: " + announced);
        assertEquals(true, FeedReader.data(announced.get(0)).get("overdue"));
    }

    @Test
    void aCursorOlderThanTheRetentionIsGone() {
        FeedReader reader = new FeedReader("integration-feed", "integration").fromNow();
        clock.advance(Duration.ofDays(91));

        as("integration-feed", "integration").queryParam("cursor", reader.cursor()).get("/api/v1/events").then()
                .statusCode(410).body("code", equalTo("CURSOR_EXPIRED"));
        as("someone-else", "integration").queryParam("cursor", reader.cursor()).get("/api/v1/events").then()
                .statusCode(400).body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void anUnknownEventTypeIsRefused() {
        as("integration-feed", "integration").queryParam("types", "org.zuofeng.weather.changed")
                .get("/api/v1/events").then()
                .statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
    }

    private static Set<String> unitsCreatedIn(List<CloudEvent> events) {
        return events.stream().filter(e -> e.getType().equals("org.zuofeng.unit.created"))
                .map(CloudEvent::getSubject).collect(Collectors.toSet());
    }

    /** A unit officer of one of two units of a district, reading the feed from now. */
    private record OfficerScene(JsonPath mine, JsonPath other, FeedReader reader) {
    }

    private static OfficerScene anOfficerOfOneOfTwoUnits() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath mine = Fixtures.aUnit().under(district).create();
        JsonPath other = Fixtures.aUnit().under(district).create();
        String officer = Fixtures.uniqueCode("officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), mine).create();
        return new OfficerScene(mine, other, new FeedReader(officer, "unit-officer").fromNow());
    }

    private static void rename(JsonPath unit) {
        Map<String, Object> write = new HashMap<>(Map.of("code", unit.getString("code"), "type",
                unit.getString("type"), "name", unit.getString("name") + "（更名）"));
        write.put("parentId", unit.getString("parentId"));
        asHr().header("If-Match", "\"" + unit.getLong("version") + "\"").body(write)
                .put("/api/v1/units/{id}", unit.getString("id")).then().statusCode(200);
    }

    @Test
    void anEventOfAKindThisReplicaDoesNotKnowIsHeldBackNotPassedOverAndNeverAFailure() {
        FeedReader reader = new FeedReader("admin-1", "admin").fromNow();
        UUID unknown = UUID.randomUUID();
        // As a newer replica, in a rolling deploy, would publish a kind this one has not heard of.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into event_log (audit_id, type, entity_type, entity_id, occurred_at)
                        select id, 'org.zuofeng.future_kind.created', 'future-kind', :entity, now()
                        from audit_events limit 1""").setParameter("entity", unknown).executeUpdate());
        try {
            JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
            for (int look = 0; look < 5; look++) {
                Map<String, Object> page = reader.page(null, 0);
                assertTrue(String.valueOf(page.get("events")).indexOf(unit.getString("id")) < 0,
                        "nothing after the unknown event is served past it");
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from event_log where entity_id = :entity").setParameter("entity", unknown)
                    .executeUpdate());
        }
    }
}
