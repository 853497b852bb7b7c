package org.zuofeng.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.EntityTag;
import org.zuofeng.support.Fixtures;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.zuofeng.support.Api.as;

/** Planning and running inspections: the lifecycle, who may take which step, offline ids and recusal. */
@QuarkusTest
class InspectionResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INSPECTIONS = "/api/v1/inspections";

    @Test
    void anInspectionIsPlannedStartedAndCompletedWithASummary() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath planned = Fixtures.anInspection("OPEN", unit).lead(lead).with("topic", "窗口服务").create();
        org.hamcrest.MatcherAssert.assertThat(planned.getString("status"), equalTo("PLANNED"));

        JsonPath started = Fixtures.transition(as(lead, "inspector"), INSPECTIONS, planned,
                Map.of("to", "IN_PROGRESS", "note", "出发"));
        org.hamcrest.MatcherAssert.assertThat(started.getString("startedAt"), notNullValue());

        as(lead, "inspector").header("If-Match", "\"" + started.getLong("version") + "\"")
                .body(Map.of("to", "COMPLETED")).post(INSPECTIONS + "/{id}/transitions", planned.getString("id"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/summary"));
        as(lead, "inspector").header("If-Match", "\"" + started.getLong("version") + "\"")
                .body(Map.of("to", "COMPLETED", "summary", "发现问题 2 个")).post(INSPECTIONS + "/{id}/transitions",
                        planned.getString("id")).then()
                .statusCode(200)
                .header("ETag", EntityTag.ofVersion(started.getLong("version") + 1))
                .body("status", equalTo("COMPLETED"))
                .body("summary", equalTo("发现问题 2 个"))
                .body("completedAt", notNullValue());

        as("auditor-1", "auditor").get(INSPECTIONS + "/{id}/transitions", planned.getString("id")).then()
                .statusCode(200)
                .body("items.from", contains("PLANNED", "IN_PROGRESS"))
                .body("items.to", contains("IN_PROGRESS", "COMPLETED"))
                .body("items.actor", contains(lead, lead))
                .body("items[0].note", equalTo("出发"));
    }

    @Test
    void anIllegalStepIsAConflictNamingTheAllowedTargets() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath planned = Fixtures.anInspection("OPEN", unit).lead(lead).create();

        as(lead, "inspector").header("If-Match", "\"" + planned.getLong("version") + "\"")
                .body(Map.of("to", "COMPLETED", "summary", "跳步")).post(INSPECTIONS + "/{id}/transitions",
                        planned.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("INVALID_TRANSITION"))
                .body("currentStatus", equalTo("PLANNED"))
                .body("allowedTargets", containsInAnyOrder("IN_PROGRESS", "CANCELLED"));
    }

    @Test
    void cancellingNeedsANoteAndTheCommission() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath planned = Fixtures.anInspection("OPEN", unit).lead(lead).create();
        String etag = "\"" + planned.getLong("version") + "\"";

        as(lead, "inspector").header("If-Match", etag).body(Map.of("to", "CANCELLED", "note", "不去了"))
                .post(INSPECTIONS + "/{id}/transitions", planned.getString("id")).then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("commission-1", "commission").header("If-Match", etag).body(Map.of("to", "CANCELLED"))
                .post(INSPECTIONS + "/{id}/transitions", planned.getString("id")).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/note"));
        as("commission-1", "commission").header("If-Match", etag).body(Map.of("to", "CANCELLED", "note", "计划调整"))
                .post(INSPECTIONS + "/{id}/transitions", planned.getString("id")).then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void transitionsNeedTheCurrentVersion() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath planned = Fixtures.anInspection("OPEN", unit).lead(lead).create();
        Api.invalidAs(lead, "inspector").body(Map.of("to", "IN_PROGRESS"))
                .post(INSPECTIONS + "/{id}/transitions", planned.getString("id")).then()
                .statusCode(428)
                .contentType(PROBLEM);
        as(lead, "inspector").header("If-Match", "\"99\"").body(Map.of("to", "IN_PROGRESS"))
                .post(INSPECTIONS + "/{id}/transitions", planned.getString("id")).then()
                .statusCode(412)
                .contentType(PROBLEM);
    }

    @Test
    void onlyTeamMembersStartAnInspection() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath planned = Fixtures.anInspection("OPEN", unit).lead(Fixtures.uniqueCode("lead")).create();
        String etag = "\"" + planned.getLong("version") + "\"";
        as("commission-1", "commission").header("If-Match", etag).body(Map.of("to", "IN_PROGRESS"))
                .post(INSPECTIONS + "/{id}/transitions", planned.getString("id")).then()
                .statusCode(403);
        as("outsider", "inspector").header("If-Match", etag).body(Map.of("to", "IN_PROGRESS"))
                .post(INSPECTIONS + "/{id}/transitions", planned.getString("id")).then()
                .statusCode(404);
        as("hr-1", "hr").header("If-Match", etag).body(Map.of("to", "IN_PROGRESS"))
                .post(INSPECTIONS + "/{id}/transitions", planned.getString("id")).then()
                .statusCode(403);
    }

    @Test
    void anInspectorPlansOnlySpotChecksTheyLeadAndNeverCovertOnes() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String me = Fixtures.uniqueCode("inspector");
        as(me, "inspector").body(Fixtures.anInspection("SUPERVISION_CHECK", unit).lead(me).body())
                .post(INSPECTIONS).then()
                .statusCode(201);
        as(me, "inspector").body(Fixtures.anInspection("OPEN", unit).lead("someone-else").member(me).body())
                .post(INSPECTIONS).then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(me, "inspector").body(Fixtures.anInspection("COVERT", unit).lead(me).body()).post(INSPECTIONS).then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("hr-1", "hr").body(Fixtures.anInspection("OPEN", unit).lead("x").body()).post(INSPECTIONS).then()
                .statusCode(403);
    }

    @Test
    void aRepeatedCreateWithTheSameClientIdAndContentAnswersTheExistingInspection() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String id = UUID.randomUUID().toString();
        var builder = Fixtures.anInspection("OPEN", unit).lead(Fixtures.uniqueCode("lead")).with("id", id);

        as("commission-1", "commission").body(builder.body()).post(INSPECTIONS).then()
                .statusCode(201)
                .body("id", equalTo(id));
        as("commission-1", "commission").body(builder.body()).post(INSPECTIONS).then()
                .statusCode(200)
                .body("id", equalTo(id));
        builder.with("title", "改了标题");
        as("commission-1", "commission").body(builder.body()).post(INSPECTIONS).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("CLIENT_ID_CONFLICT"));
    }

    @Test
    void aTeamMemberInPostAtATargetMustRecuse() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath village = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create();
        String insider = Fixtures.uniqueCode("insider");
        JsonPath official = Fixtures.anOfficial().linkedTo(insider).create();
        Fixtures.aPost(official, village).create();

        as("commission-1", "commission").body(Fixtures.anInspection("OPEN", street).lead("outsider-lead")
                        .member(insider).body()).post(INSPECTIONS).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("RECUSAL_REQUIRED"))
                .body("subjects", contains(insider));
    }

    @Test
    void badPlansAreRejectedWithPreciseProblems() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        as("commission-1", "commission").body(Fixtures.anInspection("OPEN", unit).lead("a").lead("b")
                        .with("plannedEnd", Fixtures.today().minusDays(1).toString()).body())
                .post(INSPECTIONS).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.pointer", containsInAnyOrder("/plannedEnd", "/team"));
        var unknownTarget = Fixtures.anInspection("OPEN", unit).lead("a");
        unknownTarget.with("targetUnitIds", List.of(unit.getString("id"), "0194c4b6-5b1e-7000-8000-00000000abcd"));
        as("commission-1", "commission").body(unknownTarget.body()).post(INSPECTIONS).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/targetUnitIds/1"));
        Api.invalidAs("commission-1", "commission").body(Fixtures.anInspection("OPEN", unit).body())
                .post(INSPECTIONS).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/team"));
    }

    @Test
    void aClosedInspectionCanNoLongerBeEdited() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        var builder = Fixtures.anInspection("OPEN", unit).lead(Fixtures.uniqueCode("lead"));
        JsonPath planned = builder.create();
        JsonPath cancelled = Fixtures.transition(as("commission-1", "commission"), INSPECTIONS, planned,
                Map.of("to", "CANCELLED", "note", "取消"));
        as("commission-1", "commission").header("If-Match", "\"" + cancelled.getLong("version") + "\"")
                .body(builder.with("title", "新标题").body()).put(INSPECTIONS + "/{id}", planned.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("INSPECTION_CLOSED"));
    }

    @Test
    void theTypeOfAnInspectionIsFixedOnceItHasStartedSoSecrecyCannotBeSwitchedMidRun() {
        JsonPath street = Fixtures.aUnit().under(Fixtures.aDistrict()).type("SUBDISTRICT").create();
        String officer = Fixtures.uniqueCode("officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), street).create();
        String lead = Fixtures.uniqueCode("lead");
        var covert = Fixtures.anInspection("COVERT", street).lead(lead);
        JsonPath running = covert.started();
        as("commission-1", "commission").header("If-Match", "\"" + running.getLong("version") + "\"")
                .body(covert.with("type", "OPEN").body()).put(INSPECTIONS + "/{id}", running.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("INSPECTION_TYPE_FIXED"));
        as(officer, "unit-officer").get(INSPECTIONS + "/{id}", running.getString("id")).then().statusCode(404);

        var open = Fixtures.anInspection("OPEN", street).lead(lead);
        JsonPath started = open.started();
        as("commission-1", "commission").header("If-Match", "\"" + started.getLong("version") + "\"")
                .body(open.with("type", "COVERT").body()).put(INSPECTIONS + "/{id}", started.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("INSPECTION_TYPE_FIXED"));

        var planned = Fixtures.anInspection("OPEN", street).lead(lead);
        JsonPath plan = planned.create();
        as("commission-1", "commission").header("If-Match", "\"" + plan.getLong("version") + "\"")
                .body(planned.with("type", "COVERT").body()).put(INSPECTIONS + "/{id}", plan.getString("id")).then()
                .statusCode(200)
                .body("type", equalTo("COVERT"));
    }

    @Test
    void theCommissionCorrectsAPlannedInspection() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath other = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        var builder = Fixtures.anInspection("OPEN", unit).lead(Fixtures.uniqueCode("lead"));
        JsonPath planned = builder.create();
        builder.with("targetUnitIds", List.of(unit.getString("id"), other.getString("id")));
        as("commission-1", "commission").header("If-Match", "\"" + planned.getLong("version") + "\"")
                .body(builder.body()).put(INSPECTIONS + "/{id}", planned.getString("id")).then()
                .statusCode(200)
                .body("targetUnitIds", containsInAnyOrder(unit.getString("id"), other.getString("id")))
                .body("version", equalTo(planned.getInt("version") + 1));
    }

    @Test
    void anInspectorSeesOnlyTheirOwnTeamsInspections() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String me = Fixtures.uniqueCode("me");
        JsonPath mine = Fixtures.anInspection("COVERT", unit).lead("boss").member(me).create();
        JsonPath theirs = Fixtures.anInspection("OPEN", unit).lead("someone").create();

        as(me, "inspector").queryParam("targetUnitId", unit.getString("id")).get(INSPECTIONS).then()
                .statusCode(200)
                .body("items.id", contains(mine.getString("id")));
        as(me, "inspector").get(INSPECTIONS + "/{id}", theirs.getString("id")).then()
                .statusCode(404)
                .contentType(PROBLEM);
        as("commission-1", "commission").queryParam("targetUnitId", unit.getString("id")).get(INSPECTIONS).then()
                .body("items.id", containsInAnyOrder(mine.getString("id"), theirs.getString("id")));
    }

    @Test
    void theListFiltersByTypeStatusTargetTeamAndPlannedDates() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath village = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create();
        String member = Fixtures.uniqueCode("member");
        JsonPath open = Fixtures.anInspection("OPEN", village).lead("l1").member(member).create();
        JsonPath check = Fixtures.anInspection("SUPERVISION_CHECK", street).lead("l2")
                .with("plannedStart", Fixtures.today().plusDays(30).toString())
                .with("plannedEnd", Fixtures.today().plusDays(40).toString()).create();
        var commission = as("commission-1", "commission");

        commission.queryParam("targetUnitId", street.getString("id")).queryParam("includeSubunits", true)
                .get(INSPECTIONS).then()
                .body("items.id", containsInAnyOrder(open.getString("id"), check.getString("id")));
        as("commission-1", "commission").queryParam("targetUnitId", street.getString("id")).get(INSPECTIONS).then()
                .body("items.id", contains(check.getString("id")));
        as("commission-1", "commission").queryParam("targetUnitId", street.getString("id"))
                .queryParam("includeSubunits", true).queryParam("type", "OPEN,COVERT").get(INSPECTIONS).then()
                .body("items.id", contains(open.getString("id")));
        as("commission-1", "commission").queryParam("teamMember", member).get(INSPECTIONS).then()
                .body("items.id", contains(open.getString("id")));
        as("commission-1", "commission").queryParam("targetUnitId", street.getString("id"))
                .queryParam("includeSubunits", true).queryParam("plannedFrom", Fixtures.today().plusDays(20).toString())
                .get(INSPECTIONS).then()
                .body("items.id", contains(check.getString("id")));
        as("commission-1", "commission").queryParam("targetUnitId", street.getString("id"))
                .queryParam("includeSubunits", true).queryParam("status", "IN_PROGRESS").get(INSPECTIONS).then()
                .body("items", org.hamcrest.Matchers.empty());
    }
}
