package org.zuofeng.finding;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Moments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.zuofeng.support.Api.as;

/** Findings: recorded by the team while the inspection runs, then moved along their lifecycle by the commission. */
@QuarkusTest
class FindingResourceTest {

    private static final String PROBLEM = "application/problem+json";

    record Scene(JsonPath district, JsonPath street, JsonPath village, String lead, JsonPath inspection) {
    }

    private static Scene scene() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath village = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", street).lead(lead).started();
        return new Scene(district, street, village, lead, inspection);
    }

    @Test
    void theTeamRecordsAFindingAboutATargetOrAUnitBelowIt() {
        Scene scene = scene();
        JsonPath official = Fixtures.anOfficial().create();
        Fixtures.aPost(official, scene.village()).create();

        JsonPath finding = Fixtures.aFinding(scene.inspection(), scene.village())
                .with("officialIds", List.of(official.getString("id")))
                .with("defects", List.of("LAXITY", "MEDIOCRITY"))
                .with("location", Map.of("latitude", 22.543096, "longitude", 114.057865, "address", "村委会办公室"))
                .createAs(scene.lead());

        as("commission-1", "commission").get("/api/v1/findings/{id}", finding.getString("id")).then()
                .statusCode(200)
                .body("inspectionId", equalTo(scene.inspection().getString("id")))
                .body("status", equalTo("OPEN"))
                .body("defects", contains("MEDIOCRITY", "LAXITY"))
                .body("officialIds", contains(official.getString("id")))
                .body("location.address", equalTo("村委会办公室"))
                .body("createdBy", equalTo(scene.lead()));
    }

    @Test
    void aFindingMustBeAboutAnInspectedUnitAndOfficialsInPostThere() {
        Scene scene = scene();
        JsonPath elsewhere = Fixtures.aUnit().under(scene.district()).create();
        JsonPath outsider = Fixtures.anOfficial().create();
        Fixtures.aPost(outsider, elsewhere).create();

        var notInspected = Fixtures.aFinding(scene.inspection(), elsewhere);
        as(scene.lead(), "inspector").body(notInspected.body()).post(notInspected.path()).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/unitId"))
                .body("errors[0].code", equalTo("UNIT_NOT_INSPECTED"));
        var wrongOfficial = Fixtures.aFinding(scene.inspection(), scene.street())
                .with("officialIds", List.of(outsider.getString("id"), UUID.randomUUID().toString()));
        as(scene.lead(), "inspector").body(wrongOfficial.body()).post(wrongOfficial.path()).then()
                .statusCode(400)
                .body("errors.code", containsInAnyOrder("OFFICIAL_NOT_IN_UNIT", "OFFICIAL_NOT_FOUND"));
        var badPlace = Fixtures.aFinding(scene.inspection(), scene.street())
                .with("location", Map.of("latitude", 91, "longitude", 114));
        Api.invalidAs(scene.lead(), "inspector").body(badPlace.body()).post(badPlace.path()).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/location/latitude"));
        var future = Fixtures.aFinding(scene.inspection(), scene.street())
                .with("observedAt", Moments.rfc3339(Moments.now().plusDays(1)));
        as(scene.lead(), "inspector").body(future.body()).post(future.path()).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/observedAt"));
    }

    @Test
    void findingsAreRecordedOnlyWhileTheInspectionIsInProgressAndOnlyByTheTeam() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath planned = Fixtures.anInspection("OPEN", unit).lead(lead).create();
        var early = Fixtures.aFinding(planned, unit);
        as(lead, "inspector").body(early.body()).post(early.path()).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("INSPECTION_NOT_IN_PROGRESS"));

        JsonPath started = Fixtures.transition(as(lead, "inspector"), "/api/v1/inspections", planned,
                Map.of("to", "IN_PROGRESS"));
        as("commission-1", "commission").body(early.body()).post(early.path()).then()
                .statusCode(403)
                .contentType(PROBLEM);
        JsonPath finding = Fixtures.aFinding(started, unit).createAs(lead);

        Fixtures.transition(as(lead, "inspector"), "/api/v1/inspections", started,
                Map.of("to", "COMPLETED", "summary", "完成"));
        as(lead, "inspector").body(Fixtures.aFinding(started, unit).body()).post(early.path()).then()
                .statusCode(409)
                .body("code", equalTo("INSPECTION_NOT_IN_PROGRESS"));
        Map<String, Object> correction = Fixtures.aFinding(started, unit).body();
        as(lead, "inspector").header("If-Match", "\"" + finding.getLong("version") + "\"").body(correction)
                .put("/api/v1/findings/{id}", finding.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("INSPECTION_NOT_IN_PROGRESS"));
    }

    @Test
    void aRepeatedCreateWithTheSameClientIdAndContentAnswersTheExistingFinding() {
        Scene scene = scene();
        String id = UUID.randomUUID().toString();
        var builder = Fixtures.aFinding(scene.inspection(), scene.street()).with("id", id);
        as(scene.lead(), "inspector").body(builder.body()).post(builder.path()).then().statusCode(201)
                .body("id", equalTo(id));
        as(scene.lead(), "inspector").body(builder.body()).post(builder.path()).then().statusCode(200)
                .body("id", equalTo(id));
        builder.with("severity", "SERIOUS");
        as(scene.lead(), "inspector").body(builder.body()).post(builder.path()).then()
                .statusCode(409)
                .body("code", equalTo("CLIENT_ID_CONFLICT"));
    }

    @Test
    void theTeamCorrectsAFindingWhileTheInspectionRuns() {
        Scene scene = scene();
        var builder = Fixtures.aFinding(scene.inspection(), scene.street());
        JsonPath finding = builder.createAs(scene.lead());
        builder.with("severity", "SERIOUS").with("title", "更正后的标题");
        as(scene.lead(), "inspector").header("If-Match", "\"" + finding.getLong("version") + "\"")
                .body(builder.body()).put("/api/v1/findings/{id}", finding.getString("id")).then()
                .statusCode(200)
                .body("severity", equalTo("SERIOUS"))
                .body("version", equalTo(finding.getInt("version") + 1));
    }

    @Test
    void theCommissionMovesAFindingFromOpenToVerified() {
        Scene scene = scene();
        JsonPath finding = Fixtures.aFinding(scene.inspection(), scene.street()).createAs(scene.lead());
        var commission = as("commission-1", "commission");
        JsonPath rectifying = Fixtures.transition(commission, "/api/v1/findings", finding, Map.of("to", "RECTIFYING"));
        JsonPath rectified = Fixtures.transition(as("commission-1", "commission"), "/api/v1/findings", rectifying,
                Map.of("to", "RECTIFIED"));
        JsonPath verified = Fixtures.transition(as("commission-1", "commission"), "/api/v1/findings", rectified,
                Map.of("to", "VERIFIED"));
        org.hamcrest.MatcherAssert.assertThat(verified.getString("status"), equalTo("VERIFIED"));

        as("commission-1", "commission").header("If-Match", "\"" + verified.getLong("version") + "\"")
                .body(Map.of("to", "DISMISSED", "note", "太晚了")).post("/api/v1/findings/{id}/transitions",
                        finding.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"))
                .body("allowedTargets", org.hamcrest.Matchers.empty());
        as(scene.lead(), "inspector").header("If-Match", "\"" + verified.getLong("version") + "\"")
                .body(Map.of("to", "DISMISSED", "note", "x")).post("/api/v1/findings/{id}/transitions",
                        finding.getString("id")).then()
                .statusCode(403);
        as("auditor-1", "auditor").get("/api/v1/findings/{id}/transitions", finding.getString("id")).then()
                .body("items.to", contains("RECTIFYING", "RECTIFIED", "VERIFIED"));
    }

    @Test
    void dismissingAFindingNeedsANote() {
        Scene scene = scene();
        JsonPath finding = Fixtures.aFinding(scene.inspection(), scene.street()).createAs(scene.lead());
        as("commission-1", "commission").header("If-Match", "\"" + finding.getLong("version") + "\"")
                .body(Map.of("to", "DISMISSED")).post("/api/v1/findings/{id}/transitions", finding.getString("id"))
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/note"));
        Fixtures.transition(as("commission-1", "commission"), "/api/v1/findings", finding,
                Map.of("to", "DISMISSED", "note", "经核实不属实"));
    }

    @Test
    void theQueryFiltersByUnitOfficialCategoryDefectSeverityStatusAndTime() {
        Scene scene = scene();
        JsonPath official = Fixtures.anOfficial().create();
        Fixtures.aPost(official, scene.street()).create();
        OffsetDateTime now = Moments.now();
        JsonPath lazy = Fixtures.aFinding(scene.inspection(), scene.street())
                .with("officialIds", List.of(official.getString("id"))).with("category", "SLOW_ACTION")
                .with("defects", List.of("LAZINESS")).with("severity", "MINOR")
                .with("observedAt", Moments.rfc3339(now.minusDays(2))).createAs(scene.lead());
        JsonPath lax = Fixtures.aFinding(scene.inspection(), scene.village()).with("category", "MISCONDUCT")
                .with("defects", List.of("LAXITY")).with("severity", "SERIOUS")
                .with("observedAt", Moments.rfc3339(now.minusHours(2))).createAs(scene.lead());
        String inspection = scene.inspection().getString("id");
        var commission = as("commission-1", "commission");

        commission.queryParam("unitId", scene.street().getString("id")).queryParam("includeSubunits", true)
                .get("/api/v1/findings").then()
                .body("items.id", contains(lax.getString("id"), lazy.getString("id")));
        as("commission-1", "commission").queryParam("unitId", scene.street().getString("id"))
                .get("/api/v1/findings").then()
                .body("items.id", contains(lazy.getString("id")));
        as("commission-1", "commission").queryParam("officialId", official.getString("id")).get("/api/v1/findings")
                .then()
                .body("items.id", contains(lazy.getString("id")));
        as("commission-1", "commission").queryParam("inspectionId", inspection).queryParam("defect", "LAXITY")
                .get("/api/v1/findings").then()
                .body("items.id", contains(lax.getString("id")));
        as("commission-1", "commission").queryParam("inspectionId", inspection)
                .queryParam("category", "SLOW_ACTION,INACTION").queryParam("severity", "MINOR")
                .get("/api/v1/findings").then()
                .body("items.id", contains(lazy.getString("id")));
        as("commission-1", "commission").queryParam("inspectionId", inspection)
                .queryParam("observedFrom", Moments.rfc3339(now.minusDays(1))).get("/api/v1/findings").then()
                .body("items.id", contains(lax.getString("id")));
        as("commission-1", "commission").queryParam("inspectionId", inspection).queryParam("sort", "observedAt")
                .queryParam("status", "OPEN").get("/api/v1/findings").then()
                .body("items.id", contains(lazy.getString("id"), lax.getString("id")));
    }
}
