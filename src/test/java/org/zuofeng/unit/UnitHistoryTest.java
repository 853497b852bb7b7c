package org.zuofeng.unit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Moments;
import org.zuofeng.support.Pdf;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Units as they were: a renamed unit keeps its old name on the records of before; a period's statistics count over
 * the tree as it stood at the period's end, so a merged unit's findings count under the old unit for an earlier
 * period and under its successor for a later one; a split names its successors; history only grows.
 */
@QuarkusTest
class UnitHistoryTest {

    @Inject
    AgroalDataSource dataSource;

    private static JsonPath unitNamed(JsonPath parent, String name) {
        return Fixtures.aUnit().under(parent).named(name).create();
    }

    private static JsonPath renamed(JsonPath unit, String name, LocalDate effectiveOn) {
        Map<String, Object> body = Map.of("code", unit.getString("code"), "name", name,
                "type", unit.getString("type"), "parentId", unit.getString("parentId"));
        var request = Api.asHr().header("If-Match", "\"" + unit.getLong("version") + "\"").body(body);
        if (effectiveOn != null) {
            request.queryParam("effectiveOn", effectiveOn.toString());
        }
        return request.put("/api/v1/units/{id}", unit.getString("id")).then().statusCode(200).extract().jsonPath();
    }

    private static Response merge(JsonPath into, LocalDate effectiveOn, JsonPath... merged) {
        return Api.asHr().body(Map.of("mergedUnitIds", ids(merged), "effectiveOn", effectiveOn.toString()))
                .post("/api/v1/units/{id}/merger", into.getString("id"));
    }

    private static List<String> ids(JsonPath... units) {
        return java.util.Arrays.stream(units).map(u -> u.getString("id")).toList();
    }

    private static long findingsCounted(JsonPath unit, LocalDate from, LocalDate to) {
        return Api.as("commission-1", "commission").queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("unitId", unit.getString("id"))
                .queryParam("includeSubunits", true).get("/api/v1/statistics/summary").then().statusCode(200)
                .extract().jsonPath().getLong("findings.total");
    }

    @Test
    void aRenameBetweenTwoNoticesShowsEachNoticeAndItsDocumentWithItsOwnName() {
        JsonPath bureau = unitNamed(Fixtures.aDistrict(), "区市场监督管理局");
        JsonPath before = Fixtures.aNotice("PUBLIC_EXPOSURE", bureau).with("visibility", "PUBLIC").issued();
        JsonPath inspection = Fixtures.anInspection("OPEN", bureau).lead("hist-lead").started();
        JsonPath observedBefore = Fixtures.aFinding(inspection, bureau).createAs("hist-lead");

        JsonPath now = renamed(bureau, "区市场监管局", null);
        JsonPath after = Fixtures.aNotice("PUBLIC_EXPOSURE", now).with("visibility", "PUBLIC").issued();

        Api.as("commission-1", "commission").get("/api/v1/supervision-notices/{id}", before.getString("id")).then()
                .statusCode(200).body("addressees.name", contains("区市场监督管理局"));
        assertThat(after.getList("addressees.name"), contains("区市场监管局"));
        assertThat(Pdf.download("commission-1", "commission", "/api/v1/supervision-notices/{id}/document",
                before.getString("id")).flatText(), containsString("区市场监督管理局"));
        assertThat(Pdf.download("commission-1", "commission", "/api/v1/supervision-notices/{id}/document",
                after.getString("id")).flatText(), containsString("区市场监管局"));
        JsonPath exposures = Api.anonymous().queryParam("limit", 500).get("/api/v1/public/exposures").then()
                .statusCode(200).extract().jsonPath();
        assertThat(exposures.getList("items.find { it.title == '" + before.getString("title") + "' }.units.name"),
                contains("区市场监督管理局"));
        assertThat(exposures.getList("items.find { it.title == '" + after.getString("title") + "' }.units.name"),
                contains("区市场监管局"));

        Api.as("hist-lead", "inspector").get("/api/v1/findings/{id}", observedBefore.getString("id")).then()
                .statusCode(200).body("unitName", equalTo("区市场监督管理局"));
        JsonPath observedAfter = Fixtures.aFinding(inspection, bureau)
                .with("observedAt", Moments.rfc3339(Moments.now().plusSeconds(2))).createAs("hist-lead");
        assertThat(observedAfter.getString("unitName"), equalTo("区市场监管局"));
        Api.asHr().get("/api/v1/units/{id}/history", bureau.getString("id")).then().statusCode(200)
                .body("versions.name", contains("区市场监督管理局", "区市场监管局"))
                .body("versions[0].validFrom", nullValue()).body("versions[1].validUntil", nullValue());
    }

    @Test
    void aRenameDecidedEarlierNamesTheRecordsOfItsDayOnAndAChangeBeforeOneRecordedIsRefused() {
        JsonPath office = unitNamed(Fixtures.aDistrict(), "区信访局");
        JsonPath inspection = Fixtures.anInspection("OPEN", office).lead("hist-lead2").started();
        JsonPath threeDaysAgo = Fixtures.aFinding(inspection, office)
                .with("observedAt", Moments.rfc3339(Moments.now().minusDays(3))).createAs("hist-lead2");
        JsonPath yesterday = Fixtures.aFinding(inspection, office)
                .with("observedAt", Moments.rfc3339(Moments.now().minusDays(1))).createAs("hist-lead2");

        JsonPath now = renamed(office, "区信访服务中心", Fixtures.today().minusDays(1));
        Api.as("hist-lead2", "inspector").get("/api/v1/findings/{id}", threeDaysAgo.getString("id")).then()
                .body("unitName", equalTo("区信访局"));
        Api.as("hist-lead2", "inspector").get("/api/v1/findings/{id}", yesterday.getString("id")).then()
                .body("unitName", equalTo("区信访服务中心"));

        JsonPath absorbing = unitNamed(Fixtures.aDistrict(), "区群众工作中心");
        merge(absorbing, Fixtures.today().minusDays(2), now).then().statusCode(409)
                .body("code", equalTo("UNIT_CHANGED_LATER"));
        merge(absorbing, Fixtures.today().plusDays(1), now).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/effectiveOn"));
        Api.asHr().get("/api/v1/units/{id}", now.getString("id")).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void aMergedUnitsFindingsCountUnderTheOldUnitsForAnEarlierPeriodAndUnderTheSuccessorForALaterOne() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath east = unitNamed(district, "东湖街道");
        JsonPath west = unitNamed(district, "西湖街道");
        JsonPath westVillage = Fixtures.aUnit().under(west).type("VILLAGE_COMMITTEE").named("西湖村").create();
        JsonPath merged = unitNamed(district, "两湖街道");
        JsonPath inspection = Fixtures.anInspection("OPEN", east, west).lead("hist-lead3").started();
        LocalDate today = Fixtures.today();
        for (JsonPath unit : List.of(east, west, westVillage)) {
            Fixtures.aFinding(inspection, unit).with("observedAt", Moments.rfc3339(Moments.now().minusDays(40)))
                    .createAs("hist-lead3");
        }

        merge(merged, today.minusDays(10), east, west).then().statusCode(200)
                .body("predecessors.unitId", containsInAnyOrder(east.getString("id"), west.getString("id")))
                .body("predecessors.kind", contains("MERGER", "MERGER"))
                .body("predecessors.effectiveOn", contains(today.minusDays(10).toString(),
                        today.minusDays(10).toString()));

        LocalDate from = today.minusDays(60);
        assertThat(findingsCounted(merged, from, today.minusDays(20)), equalTo(0L));
        assertThat(findingsCounted(east, from, today.minusDays(20)), equalTo(1L));
        assertThat(findingsCounted(west, from, today.minusDays(20)), equalTo(2L));
        assertThat(findingsCounted(merged, from, today), equalTo(3L));
        assertThat(findingsCounted(district, from, today.minusDays(20)), equalTo(3L));
        assertThat(findingsCounted(district, from, today), equalTo(3L));

        Api.asHr().get("/api/v1/units/{id}", west.getString("id")).then()
                .body("status", equalTo("DISSOLVED")).body("parentId", equalTo(merged.getString("id")));
        Api.asHr().get("/api/v1/units/{id}", westVillage.getString("id")).then()
                .body("status", equalTo("ACTIVE")).body("parentId", equalTo(merged.getString("id")));
        Api.asHr().get("/api/v1/units/{id}/history", west.getString("id")).then()
                .body("successors.unitId", contains(merged.getString("id")))
                .body("versions.status", contains("ACTIVE", "DISSOLVED"))
                .body("versions.parentId", contains(district.getString("id"), merged.getString("id")));
    }

    @Test
    void aMovedUnitCountsUnderItsParentOfEachPeriod() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath oldParent = unitNamed(district, "老城街道");
        JsonPath newParent = unitNamed(district, "新城街道");
        JsonPath village = Fixtures.aUnit().under(oldParent).type("VILLAGE_COMMITTEE").named("城中村").create();
        JsonPath inspection = Fixtures.anInspection("OPEN", village).lead("hist-lead4").started();
        Fixtures.aFinding(inspection, village).with("observedAt", Moments.rfc3339(Moments.now().minusDays(30)))
                .createAs("hist-lead4");
        LocalDate today = Fixtures.today();
        Map<String, Object> moved = Map.of("code", village.getString("code"), "name", "城中村",
                "type", "VILLAGE_COMMITTEE", "parentId", newParent.getString("id"));
        Api.asHr().header("If-Match", "\"" + village.getLong("version") + "\"").body(moved)
                .queryParam("effectiveOn", today.minusDays(10).toString())
                .put("/api/v1/units/{id}", village.getString("id")).then().statusCode(200);

        assertThat(findingsCounted(oldParent, today.minusDays(60), today.minusDays(20)), equalTo(1L));
        assertThat(findingsCounted(newParent, today.minusDays(60), today.minusDays(20)), equalTo(0L));
        assertThat(findingsCounted(oldParent, today.minusDays(60), today), equalTo(0L));
        assertThat(findingsCounted(newParent, today.minusDays(60), today), equalTo(1L));
    }

    @Test
    void aSplitUnitIsDissolvedWhereItStoodAndNamesItsSuccessors() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath whole = unitNamed(district, "区农林水局");
        JsonPath farming = unitNamed(district, "区农业农村局");
        JsonPath water = unitNamed(district, "区水利局");

        Api.invalidAs("hr-1", "hr").body(Map.of("successorUnitIds", ids(farming)))
                .post("/api/v1/units/{id}/split", whole.getString("id")).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/successorUnitIds"));
        Api.asHr().body(Map.of("successorUnitIds", ids(farming, water)))
                .post("/api/v1/units/{id}/split", whole.getString("id")).then().statusCode(200)
                .body("successors.unitId", containsInAnyOrder(farming.getString("id"), water.getString("id")))
                .body("successors.kind", contains("SPLIT", "SPLIT"));
        Api.asHr().get("/api/v1/units/{id}", whole.getString("id")).then()
                .body("status", equalTo("DISSOLVED")).body("parentId", equalTo(district.getString("id")));
        Api.asHr().get("/api/v1/units/{id}/history", water.getString("id")).then()
                .body("predecessors.unitId", contains(whole.getString("id")));
        Api.asHr().body(Map.of("successorUnitIds", ids(farming, water)))
                .post("/api/v1/units/{id}/split", whole.getString("id")).then().statusCode(409)
                .body("code", equalTo("UNIT_DISSOLVED"));
    }

    @Test
    void aUnitMergedIntoTwoUnitsAtOnceGoesIntoExactlyOne() throws Exception {
        JsonPath district = Fixtures.aDistrict();
        JsonPath contested = unitNamed(district, "争议街道");
        List<JsonPath> successors = List.of(unitNamed(district, "甲街道"), unitNamed(district, "乙街道"));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (JsonPath successor : successors) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return merge(successor, Fixtures.today(), contested).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(statuses, containsInAnyOrder(200, 409));
        JsonPath history = Api.asHr().get("/api/v1/units/{id}/history", contested.getString("id")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(history.getList("successors").size(), equalTo(1));
    }

    /**
     * What the database holds to when a change slips past the service's check (another replica's commit in between):
     * a dated change before the latest version is refused under the constraint the API answers 409
     * {@code UNIT_CHANGED_LATER} for, and an undated one takes effect after it rather than before.
     */
    @Test
    void theDatabaseAppendsToAUnitsHistoryAndNeverRewritesIt() throws Exception {
        String id = unitNamed(Fixtures.aDistrict(), "区统计局").getString("id");
        try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
            try {
                dateChanges(sql, Instant.now().plusSeconds(3600).toString());
                sql.executeUpdate("update units set name = '区统计局（调查队）' where id = '" + id + "'");
                dateChanges(sql, Instant.now().minusSeconds(3600).toString());
                SQLException refused = assertThrows(SQLException.class,
                        () -> sql.executeUpdate("update units set name = '区统计局（旧）' where id = '" + id + "'"));
                assertThat(refused.getMessage(), containsString("ck_unit_versions_in_order"));
                dateChanges(sql, "");
                sql.executeUpdate("update units set name = '区统计中心' where id = '" + id + "'");
            } finally {
                dateChanges(sql, "");
            }
        }
        Api.asHr().get("/api/v1/units/{id}/history", id).then().statusCode(200)
                .body("versions.name", contains("区统计局", "区统计局（调查队）", "区统计中心"));
    }

    private static void dateChanges(Statement sql, String at) throws SQLException {
        sql.execute("select set_config('zuofeng.unit_changed_at', '" + at + "', false)");
    }

    @Test
    void aUnitOfficerReadsTheHistoryOfTheirUnitsOnly() {
        JsonPath unit = unitNamed(Fixtures.aDistrict(), "区外单位");
        Api.as("officer-x", "unit-officer").get("/api/v1/units/{id}/history", unit.getString("id")).then()
                .statusCode(404);
        Api.as("hist-officer", "unit-officer").body(Map.of("mergedUnitIds", ids(unit)))
                .post("/api/v1/units/{id}/merger", unit.getString("id")).then().statusCode(403);
    }
}
