package org.zuofeng.statistics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.TestClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/**
 * The report's own figures, from a data set shaped like it and loaded through the API: "近5年来，共开展作风明查暗访活动
 * 505场次 … 处理违反作风效能规定的党员干部240名，其中，受到党纪政纪处分15人" and "2015年，共形成情况通报10期".
 */
@QuarkusTest
class StatisticsTest {

    private static final String SUMMARY = "/api/v1/statistics/summary";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Runs {@code count} tasks on four client threads, as a busy office would, and waits for all of them. */
    private static void inParallel(int count, java.util.function.IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> task.accept(n)));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static JsonPath completed(String type, JsonPath unit) {
        String lead = "stats-lead";
        JsonPath started = Fixtures.anInspection(type, unit).lead(lead).started();
        return Fixtures.transition(as(lead, "inspector"), "/api/v1/inspections", started,
                Map.of("to", "COMPLETED", "summary", "检查结束"));
    }

    /**
     * An exposé feature (暗访专题片): a covert visit films a finding, and once the visit is completed the commission
     * issues the feature compiled from it.
     */
    private static void exposeFeature(JsonPath unit) {
        String lead = "stats-lead";
        JsonPath started = Fixtures.anInspection("COVERT", unit).lead(lead).started();
        JsonPath finding = Fixtures.aFinding(started, unit).createAs(lead);
        Api.uploadAs(lead, "video/mp4", Media.mp4(2048 + (int) (Math.random() * 100_000)), "inspector")
                .post("/api/v1/findings/{id}/evidence", finding.getString("id")).then().statusCode(201);
        Fixtures.completed(lead, started);
        Fixtures.aNotice("PUBLIC_EXPOSURE", unit).with("medium", "VIDEO_FEATURE")
                .with("findingIds", List.of(finding.getString("id"))).issued();
    }

    private static void dealtWith(JsonPath unit, boolean sanctioned) {
        JsonPath official = Fixtures.anOfficial().create();
        Fixtures.aPost(official, unit).from(Fixtures.today().minusYears(3)).create();
        Map<String, Object> violation = new HashMap<>(Map.of("subjectOfficialId", official.getString("id"),
                "unitId", unit.getString("id"), "kind", "VIOLATION",
                "occurredOn", Fixtures.today().minusDays(30).toString(), "summary", "违反作风效能规定"));
        String id = as("commission-1", "commission").body(violation).post("/api/v1/accountability-cases").then()
                .statusCode(201).extract().path("id");
        as("commission-1", "commission").body(Map.of("measures", sanctioned ? List.of("PARTY_WARNING")
                        : List.of("CRITICISM_BULLETIN"), "decidedOn", Fixtures.today().minusDays(1).toString(),
                        "basis", "《问责条例》"))
                .post("/api/v1/accountability-cases/{id}/decision", id).then().statusCode(201);
    }

    @Test
    void theReportsFiguresComeOutOfTheDataExactly() throws Exception {
        JsonPath district = Fixtures.aDistrict();
        JsonPath bureau = Fixtures.aUnit().under(district).create();
        JsonPath principal = Fixtures.anOfficial().named("局长").create();
        Fixtures.aPost(principal, bureau).role("PRINCIPAL", "局长").from(Fixtures.today().minusYears(4)).create();

        inParallel(500, n -> completed(n < 400 ? "OPEN" : "COVERT", bureau));
        inParallel(5, n -> exposeFeature(bureau));
        Fixtures.aNotice("PUBLIC_EXPOSURE", bureau).issued();
        inParallel(7, n -> completed("SUPERVISION_CHECK", bureau));
        Fixtures.anInspection("OPEN", bureau).lead("stats-lead").create();
        Fixtures.anInspection("COVERT", bureau).lead("stats-lead").started();
        inParallel(240, n -> dealtWith(bureau, n < 15));

        clock.advance(Duration.between(Instant.now(), OffsetDateTime.parse("2015-06-01T10:00:00+08:00")));
        for (int i = 0; i < 10; i++) {
            Fixtures.aNotice("SITUATION_BULLETIN", bureau).issued();
        }
        clock.reset();

        JsonPath five = as("commission-1", "commission").queryParam("from", Fixtures.today().minusYears(5).toString())
                .queryParam("unitId", district.getString("id")).queryParam("includeSubunits", true)
                .get(SUMMARY).then().statusCode(200).extract().jsonPath();
        assertEquals(505, five.getInt("openAndCovertInspections"), "明查暗访活动 505 场次");
        assertEquals(400, five.getInt("inspectionsCompleted.OPEN"));
        assertEquals(105, five.getInt("inspectionsCompleted.COVERT"), "the covert visit under way is not counted");
        assertEquals(7, five.getInt("inspectionsCompleted.SUPERVISION_CHECK"));
        assertEquals(5, five.getInt("exposureFeatures"), "暗访专题片 5 集 (a written exposure is no feature)");
        assertEquals(240, five.getInt("officialsDealtWith.officials"), "处理党员干部 240 名");
        assertEquals(15, five.getInt("officialsDealtWith.sanctioned"), "受到党纪政纪处分 15 人");

        JsonPath year2015 = as("commission-1", "commission").queryParam("from", "2015-01-01")
                .queryParam("to", "2015-12-31").queryParam("unitId", district.getString("id"))
                .queryParam("includeSubunits", true).get(SUMMARY).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(Map.of("type", "SITUATION_BULLETIN", "year", 2015, "count", 10)),
                year2015.getList("noticesIssued"), "2015 年情况通报 10 期");
        assertEquals(0, year2015.getInt("openAndCovertInspections"));
    }

    @Test
    void aUnitOfficerCountsItsScopeAndACovertVisitCountsOnceCompleted() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath mine = Fixtures.aUnit().under(district).create();
        JsonPath other = Fixtures.aUnit().under(district).create();
        String officer = Fixtures.uniqueCode("officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), mine).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath open = Fixtures.anInspection("OPEN", mine, other).lead(lead).started();
        Fixtures.aFinding(open, mine).createAs(lead);
        Fixtures.aFinding(open, other).createAs(lead);
        Fixtures.aFinding(open, other).with("severity", "SERIOUS").createAs(lead);
        JsonPath covert = Fixtures.anInspection("COVERT", mine).lead(lead).started();
        Fixtures.aFinding(covert, mine).createAs(lead);

        as(officer, "unit-officer").queryParam("unitId", district.getString("id")).queryParam("includeSubunits", true)
                .get(SUMMARY).then().statusCode(200)
                .body("findings.total", equalTo(1))
                .body("unitsByFindings.unitId", org.hamcrest.Matchers.contains(mine.getString("id")));
        JsonPath commission = as("commission-1", "commission").queryParam("unitId", district.getString("id"))
                .queryParam("includeSubunits", true).get(SUMMARY).then().statusCode(200).extract().jsonPath();
        assertEquals(3, commission.getInt("findings.total"), "not the covert visit's while it is under way");
        assertEquals(1, commission.getInt("findings.bySeverity.SERIOUS"));
        assertEquals(other.getString("id"), commission.getString("unitsByFindings[0].unitId"),
                "the unit with the most findings first");

        complete(lead, open);
        complete(lead, covert);
        as(officer, "unit-officer").queryParam("unitId", district.getString("id")).queryParam("includeSubunits", true)
                .get(SUMMARY).then().statusCode(200)
                .body("findings.total", equalTo(2))
                .body("inspectionsCompleted.COVERT", equalTo(1));
        as("commission-1", "commission").queryParam("unitId", district.getString("id"))
                .queryParam("includeSubunits", true).get(SUMMARY).then()
                .body("findings.total", equalTo(4)).body("openAndCovertInspections", equalTo(2));
    }

    @Test
    void theSameFiguresComeAsCsvThatExcelOpens() {
        JsonPath district = Fixtures.aDistrict();
        byte[] csv = as("commission-1", "commission").accept("text/csv").queryParam("unitId", district.getString("id"))
                .get(SUMMARY).then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFfigure,dimension,count\r\n"), text);
        assertTrue(text.contains("\r\nopenAndCovertInspections,,0\r\n"), text);
        assertTrue(text.contains("\r\ninspectionsCompleted,COVERT,0\r\n"), text);
    }

    @Test
    void aPeriodThatEndsBeforeItBeginsOrAnUnknownUnitIsRefused() {
        as("commission-1", "commission").queryParam("from", "2020-02-01").queryParam("to", "2020-01-01").get(SUMMARY)
                .then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        as("commission-1", "commission").queryParam("unitId", java.util.UUID.randomUUID().toString()).get(SUMMARY)
                .then().statusCode(400);
    }

    private static void complete(String lead, JsonPath inspection) {
        JsonPath current = as(lead, "inspector").get("/api/v1/inspections/{id}", inspection.getString("id")).then()
                .extract().jsonPath();
        Fixtures.transition(as(lead, "inspector"), "/api/v1/inspections", current,
                Map.of("to", "COMPLETED", "summary", "结束"));
    }

}
