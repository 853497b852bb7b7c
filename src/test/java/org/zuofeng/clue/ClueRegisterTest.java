package org.zuofeng.clue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;

/**
 * The clue register: every clue numbered per year without gaps, even registered thirty at once; read by the
 * commission (less a member tied to the reported unit), admins and auditors; and to a reported unit's officers it
 * does not exist, whatever they ask.
 */
@QuarkusTest
class ClueRegisterTest {

    private static final String CLUES = "/api/v1/clues";

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, Object> aClue(JsonPath unit, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "HIGHER_COMMISSION");
        body.put("category", "SLOW_ACTION");
        body.put("title", title);
        body.put("summary", "上级纪委交办：审批事项长期积压。");
        body.put("receivedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        body.put("unitIds", List.of(unit.getString("id")));
        return body;
    }

    @Test
    void thirtyCluesRegisteredAtOnceTakeExactlyTheNumbersOneToThirty() throws Exception {
        clock.reset();
        clock.advance(Duration.between(Instant.now(),
                ZonedDateTime.of(2045, 5, 1, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant()));
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> registered = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                int n = i;
                registered.add(pool.submit(() -> {
                    start.await();
                    return as("commission-1", "commission").body(aClue(unit, "并发登记 " + n)).post(CLUES).then()
                            .statusCode(201)
                            .body("year", equalTo(2045))
                            .extract().jsonPath().getInt("sequence");
                }));
            }
            start.countDown();
            Set<Integer> sequences = new TreeSet<>();
            for (Future<Integer> answer : registered) {
                sequences.add(answer.get());
            }
            assertEquals(IntStream.rangeClosed(1, 30).boxed().collect(Collectors.toSet()), sequences);
        } finally {
            pool.shutdownNow();
        }
        as("auditor-1", "auditor").queryParam("year", 2045).queryParam("sort", "number").queryParam("limit", 1)
                .get(CLUES).then().statusCode(200).body("items[0].number", equalTo("2045-0001"));
    }

    @Test
    void aReportedUnitsOfficerReachesNothingOfAClueAboutThem() {
        JsonPath street = Fixtures.aUnit().under(Fixtures.aDistrict()).type("SUBDISTRICT").create();
        String officer = Fixtures.uniqueCode("street-officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), street).create();
        String clueId = as("commission-1", "commission").body(aClue(street, "关于街道的线索")).post(CLUES).then()
                .statusCode(201).extract().path("id");

        String missing = as(officer, "unit-officer").get(CLUES + "/{id}", UUID.randomUUID()).then()
                .statusCode(404).extract().path("detail");
        as(officer, "unit-officer").get(CLUES + "/{id}", clueId).then()
                .statusCode(404).body("code", equalTo("NOT_FOUND")).body("detail", equalTo(missing));
        as(officer, "unit-officer").get(CLUES).then().statusCode(404).body("detail", equalTo(missing));
        as(officer, "unit-officer").body(Map.of("body", "?")).post(CLUES + "/{id}/questions", clueId).then()
                .statusCode(404).body("detail", equalTo(missing));
        for (String role : List.of("inspector", "hr", "integration")) {
            as("someone", role).get(CLUES + "/{id}", clueId).then().statusCode(404).body("detail", equalTo(missing));
        }
        long published = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from event_log where entity_id = :id").setParameter("id", UUID.fromString(clueId))
                .getSingleResult()).longValue());
        assertEquals(0, published, "a clue never enters the event feed, nor the webhooks it feeds");
        as("auditor-1", "auditor").get(CLUES + "/{id}", clueId).then().statusCode(200);
        as("admin-1", "admin").get(CLUES + "/{id}", clueId).then().statusCode(200);
    }

    @Test
    void aCommissionMemberWithAPostInTheReportedUnitIsKeptOffItsClues() {
        JsonPath village = Fixtures.aUnit().under(Fixtures.aDistrict()).type("VILLAGE_COMMITTEE").create();
        String member = Fixtures.uniqueCode("commission-member");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(member).create(), village).create();
        String clueId = as("commission-1", "commission").body(aClue(village, "回避")).post(CLUES).then()
                .statusCode(201).extract().path("id");

        as(member, "commission").get(CLUES + "/{id}", clueId).then().statusCode(404);
        as(member, "commission").queryParam("unitId", village.getString("id")).get(CLUES).then()
                .statusCode(200).body("items.id", not(hasItem(clueId)));
        as("commission-2", "commission").get(CLUES + "/{id}", clueId).then().statusCode(200);
    }

    @Test
    void aClueNamesKnownUnitsAndOfficialsAndAPublicReportRegistersItself() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Map<String, Object> unknown = aClue(unit, "未知单位");
        unknown.put("unitIds", List.of(UUID.randomUUID().toString()));
        unknown.put("officialIds", List.of(UUID.randomUUID().toString()));
        as("commission-1", "commission").body(unknown).post(CLUES).then()
                .statusCode(400)
                .body("errors.pointer", hasItem("/unitIds/0"))
                .body("errors.pointer", hasItem("/officialIds/0"));
        Map<String, Object> report = aClue(unit, "冒充举报");
        report.put("source", "PUBLIC_REPORT");
        as("commission-1", "commission").body(report).post(CLUES).then()
                .statusCode(400).body("errors.pointer", hasItem("/source"));
        Map<String, Object> fromAudit = aClue(unit, "审计移送");
        fromAudit.put("source", "AUDIT");
        String id = as("commission-1", "commission").body(fromAudit).post(CLUES).then()
                .statusCode(201).body("source", equalTo("AUDIT")).extract().path("id");
        as("commission-1", "commission").body(Map.of("body", "?")).post(CLUES + "/{id}/questions", id).then()
                .statusCode(409);
    }
}
