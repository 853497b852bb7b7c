package org.zuofeng.clue;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Device;
import org.zuofeng.support.FeedReader;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/**
 * Oversight of the register: a deadline passed with nothing done is announced once on the event feed, to the
 * commission and never to the reported unit; and the register is counted by source, channel, way, outcome and
 * timeliness, for those who may read it and no one else.
 */
@QuarkusTest
class ClueOversightTest {

    private static final String CLUES = "/api/v1/clues";
    private static final String OVERDUE = "org.zuofeng.clue.overdue";

    @Inject
    TestClock clock;

    @Inject
    OverdueClues overdue;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPassedProposalDeadlineIsAnnouncedOnceToTheCommissionAndNeverToTheReportedUnit() throws Exception {
        JsonPath street = Fixtures.aUnit().under(Fixtures.aDistrict()).type("SUBDISTRICT").create();
        String officer = Fixtures.uniqueCode("street-officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), street).create();
        String clue = ClueFollowUpTest.aClue(street).getString("id");
        FeedReader commission = new FeedReader("commission-1", "commission").fromNow();
        FeedReader unitOfficer = new FeedReader(officer, "unit-officer").fromNow();
        clock.advance(Duration.ofDays(40));

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(overdue::announce);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(overdue::announce);
        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS);
        overdue.announce();

        List<CloudEvent> announced = commission.readUntil(read -> read.stream()
                        .anyMatch(e -> e.getSubject().equals(clue)))
                .stream().filter(e -> e.getSubject().equals(clue)).toList();
        assertEquals(1, announced.size(), "one announcement: " + announced);
        assertEquals(OVERDUE, announced.getFirst().getType());
        assertEquals(List.of("PROPOSAL"), deadlinesOf(announced.getFirst()).get("overdue"));
        assertTrue(unitOfficer.readToHead().stream().noneMatch(e -> e.getSubject().equals(clue)),
                "the reported unit's officer reads nothing of the clue on the feed");
        Device device = new Device(officer, "unit-officer");
        device.pullToHead();
        assertTrue(device.copy().keySet().stream().noneMatch(key -> key.contains(clue)),
                "nothing of the clue in the officer's sync snapshot: " + device.copy().keySet());
        Api.invalidAs(officer, "unit-officer").body(Map.of("entity", "CLUE", "format", "NDJSON"))
                .post("/api/v1/exports").then().statusCode(400);
        as(officer, "unit-officer").get("/api/v1/audit-events").then().statusCode(403);
        as(officer, "unit-officer").get("/api/v1/statistics/clues").then().statusCode(404);
        as(officer, "unit-officer").queryParam("overdue", true).get(CLUES).then().statusCode(404);
        as("commission-1", "commission").queryParam("overdue", true).queryParam("unitId", street.getString("id"))
                .get(CLUES).then().statusCode(200).body("items[0].id", equalTo(clue));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deadlinesOf(CloudEvent event) {
        return (Map<String, Object>) FeedReader.data(event).get("deadlines");
    }

    @Test
    void theRegisterIsCountedBySourceChannelWayOutcomeAndTimeliness() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String member = Fixtures.uniqueCode("commission-member");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(member).create(), unit).create();
        Map<String, Object> late = new HashMap<>(Map.of("source", "MEDIA", "channel", "VISIT", "category", "INACTION",
                "title", "逾期未处置", "summary", "媒体报道", "unitIds", List.of(unit.getString("id")),
                "receivedOn", Fixtures.today().minusDays(40).toString()));
        as("commission-1", "commission").body(late).post(CLUES).then().statusCode(201);
        JsonPath handled = ClueFollowUpTest.handled(ClueFollowUpTest.aClue(unit), "PRELIMINARY_VERIFICATION");
        ClueFollowUpTest.step("commission-2", handled, "conclusion", Map.of("outcome", "FOUNDED",
                "conclusion", "属实"));

        JsonPath figures = as("commission-2", "commission").queryParam("unitId", unit.getString("id"))
                .queryParam("from", Fixtures.today().minusDays(60).toString()).get("/api/v1/statistics/clues")
                .then().statusCode(200)
                .body("received", equalTo(2))
                .body("bySource.MEDIA", equalTo(1)).body("bySource.HIGHER_COMMISSION", equalTo(1))
                .body("bySource.AUDIT", equalTo(0))
                .body("byChannel.VISIT", equalTo(1)).body("byChannel.LETTER", equalTo(1))
                .body("byCategory.INACTION", equalTo(1))
                .body("byStatus.REGISTERED", equalTo(1)).body("byStatus.CONCLUDED", equalTo(1))
                .body("byWay.PRELIMINARY_VERIFICATION", equalTo(1)).body("byWay.HOLD", equalTo(0))
                .body("byOutcome.FOUNDED", equalTo(1))
                .body("timeliness.proposal.due", equalTo(2))
                .body("timeliness.proposal.withinDeadline", equalTo(1))
                .body("timeliness.proposal.share", equalTo(0.5f))
                .body("timeliness.acceptanceNotice.due", equalTo(0))
                .body("timeliness.acceptanceNotice.share", nullValue())
                .body("unitsByClues[0].unitId", equalTo(unit.getString("id")))
                .body("unitsByClues[0].count", equalTo(2))
                .extract().jsonPath();
        assertEquals(unit.getString("name"), figures.getString("unitsByClues[0].name"));

        as(member, "commission").queryParam("unitId", unit.getString("id"))
                .queryParam("from", Fixtures.today().minusDays(60).toString()).get("/api/v1/statistics/clues")
                .then().statusCode(200).body("received", equalTo(0));
        as("auditor-1", "auditor").queryParam("unitId", unit.getString("id"))
                .queryParam("from", Fixtures.today().toString()).get("/api/v1/statistics/clues")
                .then().statusCode(200).body("received", equalTo(1));
        for (String role : List.of("unit-officer", "inspector", "hr", "integration")) {
            as("someone", role).get("/api/v1/statistics/clues").then().statusCode(404);
        }
        as("commission-1", "commission").queryParam("from", "2026-05-01").queryParam("to", "2026-04-01")
                .get("/api/v1/statistics/clues").then().statusCode(400);
    }
}
