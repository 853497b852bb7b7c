package org.zuofeng.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.zuofeng.support.Api.anonymous;
import static org.zuofeng.support.Api.as;
import static org.zuofeng.support.Api.asHr;

/** What public notice means over time: the window, objections in it, and what becomes final and public after it. */
@QuarkusTest
class AssessmentNoticeWindowTest {

    private static final String ASSESSMENTS = AssessmentResourceTest.ASSESSMENTS;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static JsonPath current(String id) {
        return asHr().get(ASSESSMENTS + "/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static void finalise(String id) {
        Fixtures.transition(asHr(), ASSESSMENTS, current(id), Map.of("to", "FINAL"));
    }

    @Test
    void objectionsAreTakenUntilTheLastDayOfNoticeAndTheResultIsFinalOnlyAfterIt() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath officer = Fixtures.anOfficial().linkedTo("officer-notice-" + unit.getString("id")).create();
        Fixtures.aPost(officer, unit).create();
        JsonPath official = Fixtures.anOfficial().create();
        Fixtures.aPost(official, unit).role("STAFF", "一级科员").create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2034).create();
        String id = AssessmentResourceTest.toNotice(Fixtures.anAssessment(scheme, 8, 16).of(official).create())
                .getString("id");

        clock.advance(Duration.ofDays(4)); // the fifth and last day of notice
        asHr().header("If-Match", "\"" + current(id).getLong("version") + "\"").body(Map.of("to", "FINAL"))
                .post(ASSESSMENTS + "/{id}/transitions", id).then()
                .statusCode(409)
                .body("code", equalTo("NOTICE_WINDOW_OPEN"));
        String objectionId = as("commission-1", "commission").body(Map.of("text", "有群众反映其经常迟到", "raisedBy", "电话举报"))
                .post(ASSESSMENTS + "/{id}/objections", id).then().statusCode(201).extract().jsonPath()
                .getString("objections[0].id");

        clock.advance(Duration.ofDays(1)); // notice has ended
        as("commission-1", "commission").body(Map.of("text", "迟到的异议", "raisedBy", "匿名"))
                .post(ASSESSMENTS + "/{id}/objections", id).then()
                .statusCode(409)
                .body("code", equalTo("OBJECTION_OUTSIDE_WINDOW"))
                .body("detail", containsString(Fixtures.today().plusDays(4).toString()));
        asHr().header("If-Match", "\"" + current(id).getLong("version") + "\"").body(Map.of("to", "FINAL"))
                .post(ASSESSMENTS + "/{id}/transitions", id).then()
                .statusCode(409)
                .body("code", equalTo("OBJECTIONS_PENDING"));
        asHr().body(Map.of("outcome", "DISMISSED", "reason", "经核实，考勤记录正常"))
                .post(ASSESSMENTS + "/{id}/objections/{objectionId}/resolution", id, objectionId).then()
                .statusCode(200);
        finalise(id);

        assertThat(current(id).getString("status"), equalTo("FINAL"));
        JsonPath results = anonymous().queryParam("year", 2034).queryParam("limit", 500)
                .get("/api/v1/public/assessment-results").then().statusCode(200).extract().jsonPath();
        String result = "items.find { it.id == '" + id + "' }";
        assertThat(results.getString(result + ".name"), equalTo(official.getString("name")));
        assertThat(results.getString(result + ".postTitle"), equalTo("一级科员"));
        assertThat(results.getString(result + ".grade"), equalTo("COMPETENT"));
        assertThat(results.get(result + ".totalScore"), nullValue());
        assertThat(anonymous().queryParam("year", 2034).queryParam("limit", 500)
                .get("/api/v1/public/assessment-notices").then().extract().jsonPath().getList("items.id"),
                not(hasItem(id)));
        as("officer-notice-" + unit.getString("id"), "unit-officer").get(ASSESSMENTS + "/{id}", id).then()
                .statusCode(200);
        as("integration-1", "integration").get(ASSESSMENTS + "/{id}", id).then().statusCode(200);
        as("officer-elsewhere", "unit-officer").get(ASSESSMENTS + "/{id}", id).then().statusCode(404);
    }

    @Test
    void theBulletinOfTeamGradesListsEveryUnitOfTheScheme() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath excellent = Fixtures.aUnit().under(district).named("甲局 " + Fixtures.uniqueCode("U")).create();
        JsonPath competent = Fixtures.aUnit().under(district).named("乙局 " + Fixtures.uniqueCode("U")).create();
        JsonPath incompetent = Fixtures.aUnit().under(district).named("丙局 " + Fixtures.uniqueCode("U")).create();
        JsonPath scheme = Fixtures.aScheme("LEADERSHIP_TEAM", 2034).create();
        String bulletin = "/api/v1/assessment-schemes/" + scheme.getString("id") + "/bulletin";
        List<String> ids = List.of(
                Fixtures.anAssessment(scheme, 10, 19).ofTeam(excellent).create().getString("id"),
                Fixtures.anAssessment(scheme, 8, 16).ofTeam(competent).create().getString("id"),
                Fixtures.anAssessment(scheme, 2, 4).ofTeam(incompetent).create().getString("id"));
        ids.forEach(id -> AssessmentResourceTest.toNotice(current(id)));
        asHr().post(bulletin).then().statusCode(409).body("code", equalTo("BULLETIN_NOT_READY"));

        clock.advance(Duration.ofDays(5));
        ids.forEach(AssessmentNoticeWindowTest::finalise);
        JsonPath draft = asHr().post(bulletin).then().statusCode(201).extract().jsonPath();

        assertThat(draft.getString("type"), equalTo("SITUATION_BULLETIN"));
        assertThat(draft.getString("status"), equalTo("DRAFT"));
        assertThat(draft.getList("addresseeUnitIds"), containsInAnyOrder(excellent.getString("id"),
                competent.getString("id"), incompetent.getString("id")));
        String body = draft.getString("body");
        assertThat(body, containsString("| " + excellent.getString("name") + " | 优秀 | 97.00 |"));
        assertThat(body, containsString("| " + competent.getString("name") + " | 称职 | 80.00 |"));
        assertThat(body, containsString("| " + incompetent.getString("name") + " | 不称职 | 20.00 |"));
        as("commission-1", "commission").get("/api/v1/supervision-notices/{id}", draft.getString("id")).then()
                .statusCode(200);
    }

    @Test
    void onlyALeadershipTeamSchemeHasABulletin() {
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2034).create();
        asHr().post("/api/v1/assessment-schemes/{id}/bulletin", scheme.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("BULLETIN_NOT_READY"));
        as("commission-1", "commission").post("/api/v1/assessment-schemes/{id}/bulletin", scheme.getString("id"))
                .then().statusCode(403);
    }

    @Test
    void twoStrikesIsARuleOfVillageReviewsOnly() {
        JsonPath street = Fixtures.aUnit().under(Fixtures.aDistrict()).type("SUBDISTRICT").create();
        JsonPath village = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create();
        JsonPath cadre = Fixtures.anOfficial().create();
        Fixtures.aPost(cadre, village).role("TWO_COMMITTEES_MEMBER", "村委会委员").create();
        JsonPath officialScheme = Fixtures.aScheme("OFFICIAL", 2029).create();
        String asOfficial = AssessmentResourceTest.toNotice(Fixtures.anAssessment(officialScheme, 2, 4).of(cadre)
                .create()).getString("id");
        JsonPath nextOfficialScheme = Fixtures.aScheme("OFFICIAL", 2030).create();
        String nextAsOfficial = AssessmentResourceTest.toNotice(Fixtures.anAssessment(nextOfficialScheme, 2, 4)
                .of(cadre).create()).getString("id");
        clock.advance(Duration.ofDays(5));
        finalise(asOfficial);
        finalise(nextAsOfficial);
        assertThat(current(nextAsOfficial).get("terminationCaseId"), nullValue());

        JsonPath villageScheme = Fixtures.aScheme("VILLAGE_CADRE", 2030).create();
        JsonPath review = Fixtures.anAssessment(villageScheme, 8, 16).of(cadre).votes(40, 0, 20, 0, 20).create();
        JsonPath reviewed = Fixtures.transition(asHr(), ASSESSMENTS, review, Map.of("to", "FINAL"));

        assertThat(reviewed.getString("grade"), equalTo("INCOMPETENT"));
        assertThat(reviewed.get("terminationCaseId"), nullValue());
        asHr().get("/api/v1/officials/{id}/posts", cadre.getString("id")).then()
                .body("items[0].endDate", nullValue());
    }
}
