package org.zuofeng.accountability;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.FeedReader;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/**
 * Pressing until it is fixed: a rectification notice left overdue gets, once, a draft admonition talk summoning its
 * unit's leaders, then leadership-responsibility cases against the deputies in charge; a notice accepted in time is
 * left alone; two runs at once make each stage once.
 */
@QuarkusTest
class EscalationTest {

    private static final String NOTICES = "/api/v1/supervision-notices";

    @Inject
    Escalations escalations;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Scene(JsonPath unit, String officer, String principal, String deputy, JsonPath finding,
            JsonPath notice) {
    }

    private static Scene scene() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String officer = Fixtures.uniqueCode("officer");
        JsonPath principal = Fixtures.anOfficial().linkedTo(officer).create();
        Fixtures.aPost(principal, unit).role("PRINCIPAL", "局长").create();
        JsonPath deputy = Fixtures.anOfficial().create();
        Fixtures.aPost(deputy, unit).role("DEPUTY_IN_CHARGE", "副局长").responsibility("政务服务").create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath finding = Fixtures.aFinding(Fixtures.anInspection("OPEN", unit).lead(lead).started(), unit)
                .createAs(lead);
        JsonPath notice = Fixtures.aNotice("RECTIFICATION_NOTICE", unit)
                .with("deadline", Fixtures.today().plusDays(2).toString())
                .with("findingIds", List.of(finding.getString("id"))).issued();
        return new Scene(unit, officer, principal.getString("id"), deputy.getString("id"), finding, notice);
    }

    private static JsonPath escalationsOf(JsonPath notice) {
        return as("commission-1", "commission").queryParam("noticeId", notice.getString("id"))
                .queryParam("sort", "escalatedAt").get("/api/v1/escalations").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void anOverdueNoticeGetsOneDraftTalkThenCasesAgainstTheDeputiesInChargeEachOnceUnderTwoRunsAtOnce() {
        Scene scene = scene();
        FeedReader commission = new FeedReader("commission-feed", "commission").fromNow();

        clock.advance(Duration.ofDays(6));
        escalations.escalate();
        assertEquals(List.of(), escalationsOf(scene.notice()).getList("items"), "five days past it, not yet");

        clock.advance(Duration.ofDays(2));
        List<CompletableFuture<Integer>> racing = List.of(CompletableFuture.supplyAsync(escalations::escalate),
                CompletableFuture.supplyAsync(escalations::escalate));
        racing.forEach(CompletableFuture::join);
        JsonPath talks = escalationsOf(scene.notice());
        assertEquals(List.of("TALK"), talks.getList("items.stage"), "two runs at once, one escalation");
        as("commission-1", "commission").get(NOTICES + "/{id}", talks.getString("items[0].talkId")).then()
                .statusCode(200).body("type", equalTo("ADMONITION_TALK")).body("status", equalTo("DRAFT"))
                .body("addresseeUnitIds", contains(scene.unit().getString("id")))
                .body("findingIds", contains(scene.finding().getString("id")));
        List<CloudEvent> events = commission.readUntil(read -> read.stream()
                .anyMatch(e -> e.getType().equals("org.zuofeng.escalation.created")));
        assertTrue(events.stream().anyMatch(e -> talks.getString("items[0].id")
                .equals(FeedReader.data(e).get("id"))));
        as(scene.officer(), "unit-officer").get("/api/v1/escalations").then().statusCode(403);

        clock.advance(Duration.ofDays(15));
        escalations.escalate();
        escalations.escalate();
        JsonPath both = escalationsOf(scene.notice());
        assertEquals(List.of("TALK", "CASE"), both.getList("items.stage"));
        List<String> caseIds = both.getList("items[1].caseIds");
        assertEquals(1, caseIds.size(), "the one deputy in charge");
        as("commission-1", "commission").get("/api/v1/accountability-cases/{id}", caseIds.getFirst()).then()
                .statusCode(200).body("kind", equalTo("LEADERSHIP_RESPONSIBILITY"))
                .body("subjectOfficialId", equalTo(scene.deputy())).body("status", equalTo("OPEN"))
                .body("sourceNoticeId", equalTo(scene.notice().getString("id")));
        as("commission-1", "commission").queryParam("unitId", scene.unit().getString("id"))
                .queryParam("from", Fixtures.today().toString()).queryParam("to", Fixtures.today().plusDays(30)
                        .toString())
                .get("/api/v1/statistics/summary").then().statusCode(200)
                .body("escalated.toTalk", equalTo(1)).body("escalated.toCases", equalTo(1));
    }

    @Test
    void aNoticeAcceptedBeforeTheEscalationRunsIsLeftAlone() {
        Scene scene = scene();
        JsonPath responded = as(scene.officer(), "unit-officer").body(Map.of("measures", "已整改",
                        "completedOn", Fixtures.today().toString()))
                .post(NOTICES + "/{id}/responses", scene.notice().getString("id")).then().statusCode(201)
                .extract().jsonPath();
        clock.advance(Duration.ofDays(10));
        Fixtures.transition(as("commission-1", "commission"), NOTICES, responded, Map.of("to", "ACCEPTED"));

        escalations.escalate();
        as("commission-1", "commission").queryParam("noticeId", scene.notice().getString("id"))
                .get("/api/v1/escalations").then().statusCode(200).body("items", empty());
        as("commission-1", "commission").queryParam("addresseeUnitId", scene.unit().getString("id"))
                .get(NOTICES).then().statusCode(200).body("items.type", containsInAnyOrder("RECTIFICATION_NOTICE"))
                .body("items", hasSize(1));
    }
}
