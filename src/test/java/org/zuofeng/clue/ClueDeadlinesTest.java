package org.zuofeng.clue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;
import static org.zuofeng.support.Api.asAdmin;

/**
 * The deadlines of the rules: a way of handling proposed within a month of receipt, a real-name reporter told of
 * acceptance within 15 working days, counted with the year's calendar of public holidays and make-up working days;
 * deadlines past with nothing done are listed.
 */
@QuarkusTest
@TestProfile(PublicReportTest.BehindAProxy.class)
class ClueDeadlinesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void moveTo(LocalDate day) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), day.atTime(10, 0).atZone(SHANGHAI).toInstant()));
    }

    @Test
    void fifteenWorkingDaysSkipAHolidayAndCountAMakeUpSaturday() {
        LocalDate monday = LocalDate.of(2047, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        moveTo(monday);
        asAdmin().body(Map.of("days", List.of(
                        Map.of("date", monday.plusDays(1).toString(), "kind", "HOLIDAY", "name", "假日"),
                        Map.of("date", monday.plusDays(2).toString(), "kind", "HOLIDAY", "name", "假日"),
                        Map.of("date", monday.plusDays(3).toString(), "kind", "HOLIDAY", "name", "假日"),
                        Map.of("date", monday.plusDays(5).toString(), "kind", "WORKDAY", "name", "调休"))))
                .put("/api/v1/working-calendar/{year}", 2047).then()
                .statusCode(200).body("days.kind", contains("HOLIDAY", "HOLIDAY", "HOLIDAY", "WORKDAY"));

        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Map<String, Object> report = Reporting.about(unit.getString("code"), "期限");
        report.put("identity", Map.of("name", "孙八", "contact", "13700000000"));
        Reporting.send("198.18.2." + (1 + (int) (System.nanoTime() % 250)), report);
        JsonPath clue = as("commission-1", "commission").queryParam("unitId", unit.getString("id"))
                .get("/api/v1/clues").then().statusCode(200).extract().jsonPath().setRootPath("items[0]");
        // Friday, the Saturday worked, then three full weeks less two days: the 15th working day is a Wednesday.
        assertEquals(monday.plusDays(23).toString(),
                clue.getString("deadlines.acceptanceDue"));
        assertEquals(monday.plusMonths(1).toString(),
                clue.getString("deadlines.proposalDue"));
        String id = clue.getString("id");

        moveTo(monday.plusDays(24));
        as("commission-1", "commission").get("/api/v1/clues/{id}", id).then()
                .statusCode(200).body("deadlines.overdue", contains("ACCEPTANCE_NOTICE"));
        as("commission-1", "commission").queryParam("overdue", true).queryParam("unitId", unit.getString("id"))
                .get("/api/v1/clues").then().statusCode(200).body("items.id", hasItem(id));
        long version = as("commission-1", "commission").get("/api/v1/clues/{id}", id).then()
                .extract().jsonPath().getLong("version");
        as("commission-1", "commission").header("If-Match", "\"" + version + "\"")
                .body(Map.of("about", "ACCEPTANCE", "toldOn", monday.plusDays(20).toString()))
                .post("/api/v1/clues/{id}/reporter-told", id).then()
                .statusCode(200).body("deadlines.acceptanceToldOn", equalTo(monday.plusDays(20).toString()))
                .body("deadlines.overdue", empty());
        as("commission-1", "commission").queryParam("overdue", true).queryParam("unitId", unit.getString("id"))
                .get("/api/v1/clues").then().statusCode(200).body("items.id", not(hasItem(id)));

        moveTo(monday.plusMonths(1).plusDays(1));
        as("commission-1", "commission").get("/api/v1/clues/{id}", id).then()
                .statusCode(200).body("deadlines.overdue", contains("PROPOSAL"));
    }

    @Test
    void aCalendarHoldsDaysOfItsOwnYearOnceEach() {
        asAdmin().body(Map.of("days", List.of(
                        Map.of("date", "2048-05-01", "kind", "HOLIDAY", "name", "劳动节"),
                        Map.of("date", "2048-05-01", "kind", "HOLIDAY", "name", "劳动节"),
                        Map.of("date", "2049-01-01", "kind", "HOLIDAY", "name", "元旦"))))
                .put("/api/v1/working-calendar/{year}", 2048).then()
                .statusCode(400).body("errors.pointer", contains("/days/1/date", "/days/2/date"));
        as("officer-1", "unit-officer").body(Map.of("days", List.of()))
                .put("/api/v1/working-calendar/{year}", 2048).then().statusCode(403);
    }
}
