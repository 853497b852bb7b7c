package org.zuofeng.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.Moments;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.zuofeng.support.Api.as;

/** Notices: admonition talks summon the leaders of the day, rectification notices loop until accepted. */
@QuarkusTest
class NoticeResourceTest {

    private static final String NOTICES = "/api/v1/supervision-notices";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAdmonitionTalkSummonsThePrincipalAndDeputiesInChargeOfTheIssueDate() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        LocalDate today = Fixtures.today();
        JsonPath head = Fixtures.anOfficial().named("现任局长").create();
        JsonPath deputy = Fixtures.anOfficial().named("分管副局长").create();
        Fixtures.aPost(Fixtures.anOfficial().named("前任局长").create(), unit).role("PRINCIPAL", "局长")
                .from(today.minusYears(5)).to(today.minusYears(1)).create();
        Fixtures.aPost(head, unit).role("PRINCIPAL", "局长").from(today.minusYears(1).plusDays(1)).create();
        Fixtures.aPost(deputy, unit).role("DEPUTY_IN_CHARGE", "副局长").create();
        Fixtures.aPost(Fixtures.anOfficial().named("科员").create(), unit).create();

        JsonPath issued = Fixtures.aNotice("ADMONITION_TALK", unit)
                .with("talkScheduledAt", Moments.rfc3339(Moments.now().plusDays(3))).issued();
        assertThat(issued.getList("summonedOfficials.name"), contains("现任局长", "分管副局长"));
        assertThat(issued.getList("summonedOfficials.role"), contains("PRINCIPAL", "DEPUTY_IN_CHARGE"));
        assertThat(issued.getString("summonedOfficials[1].title"), equalTo("副局长"));
    }

    @Test
    void anAdmonitionTalkAboutOneAreaSummonsThePrincipalAndTheDeputyInChargeOfIt() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Fixtures.aPost(Fixtures.anOfficial().named("局长").create(), unit).role("PRINCIPAL", "局长").create();
        Fixtures.aPost(Fixtures.anOfficial().named("城建副局长").create(), unit).role("DEPUTY_IN_CHARGE", "副局长")
                .responsibility("城建").create();
        Fixtures.aPost(Fixtures.anOfficial().named("环保副局长").create(), unit).role("DEPUTY_IN_CHARGE", "副局长")
                .responsibility("环保").create();

        JsonPath issued = Fixtures.aNotice("ADMONITION_TALK", unit).with("area", "城建").issued();

        assertThat(issued.getString("area"), equalTo("城建"));
        assertThat(issued.getList("summonedOfficials.name"), contains("局长", "城建副局长"));
        Api.invalidAs("commission-1", "commission")
                .body(Fixtures.aNotice("RECTIFICATION_NOTICE", unit).with("area", "城建").body())
                .post(NOTICES).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/area"));
    }

    @Test
    void anAdmonitionTalkWithoutAPrincipalThatDayIsAConflict() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Fixtures.aPost(Fixtures.anOfficial().create(), unit).role("DEPUTY_IN_CHARGE", "副主任").create();
        JsonPath draft = Fixtures.aNotice("ADMONITION_TALK", unit).draft();
        as("commission-1", "commission").header("If-Match", "\"" + draft.getLong("version") + "\"")
                .body(Map.of("to", "ISSUED")).post(NOTICES + "/{id}/transitions", draft.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("UNIT_HAS_NO_PRINCIPAL"));
        as("commission-1", "commission").get(NOTICES + "/{id}", draft.getString("id")).then()
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void aRectificationNoticeLoopsThroughReturnUntilAcceptedAndItsFindingsFollow() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath unit = Fixtures.aUnit().under(district).create();
        String officer = Fixtures.uniqueCode("officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), unit).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        JsonPath finding = Fixtures.aFinding(inspection, unit).createAs(lead);

        JsonPath issued = Fixtures.aNotice("RECTIFICATION_NOTICE", unit)
                .with("findingIds", List.of(finding.getString("id"))).issued();
        assertThat(issued.getString("status"), equalTo("ISSUED"));
        as("commission-1", "commission").get("/api/v1/findings/{id}", finding.getString("id")).then()
                .body("status", equalTo("RECTIFYING"));

        var response = as(officer, "unit-officer").body(Map.of("measures", "已安排专人值守窗口",
                        "completedOn", Fixtures.today().toString()))
                .post(NOTICES + "/{id}/responses", issued.getString("id")).then()
                .statusCode(201)
                .body("status", equalTo("RESPONDED"))
                .extract();
        String responseId = response.jsonPath().getString("responses[0].id");
        assertThat(response.header("Location"), containsString("/responses/" + responseId));
        Api.uploadAs(officer, "image/jpeg", Media.jpeg(3000), "unit-officer")
                .post(NOTICES + "/{id}/responses/{responseId}/evidence", issued.getString("id"), responseId).then()
                .statusCode(201)
                .body("responseId", equalTo(responseId));

        JsonPath responded = as("commission-1", "commission").get(NOTICES + "/{id}", issued.getString("id")).then()
                .extract().jsonPath();
        as("commission-1", "commission").header("If-Match", "\"" + responded.getLong("version") + "\"")
                .body(Map.of("to", "RETURNED")).post(NOTICES + "/{id}/transitions", issued.getString("id")).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/note"));
        Fixtures.transition(as("commission-1", "commission"), NOTICES, responded,
                Map.of("to", "RETURNED", "note", "整改措施不具体"));
        JsonPath again = as(officer, "unit-officer").body(Map.of("measures", "制定值班表并公示",
                        "completedOn", Fixtures.today().toString()))
                .post(NOTICES + "/{id}/responses", issued.getString("id")).then()
                .statusCode(201)
                .extract().jsonPath();
        assertThat(again.getList("responses"), org.hamcrest.Matchers.hasSize(2));
        JsonPath accepted = Fixtures.transition(as("commission-1", "commission"), NOTICES, again,
                Map.of("to", "ACCEPTED"));
        as("commission-1", "commission").get("/api/v1/findings/{id}", finding.getString("id")).then()
                .body("status", equalTo("RECTIFIED"));
        Fixtures.transition(as("commission-1", "commission"), NOTICES, accepted, Map.of("to", "CLOSED"));

        as("auditor-1", "auditor").get(NOTICES + "/{id}/transitions", issued.getString("id")).then()
                .body("items.to", contains("ISSUED", "RESPONDED", "RETURNED", "RESPONDED", "ACCEPTED", "CLOSED"));
        as("auditor-1", "auditor").get("/api/v1/findings/{id}/transitions", finding.getString("id")).then()
                .body("items.to", contains("RECTIFYING", "RECTIFIED"));
    }

    @Test
    void aRectificationNoticeIsOverdueOnceItsDeadlineDayHasPassed() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath issued = Fixtures.aNotice("RECTIFICATION_NOTICE", unit)
                .with("deadline", Fixtures.today().plusDays(2).toString()).issued();
        assertThat(issued.getBoolean("overdue"), equalTo(false));

        clock.advance(Duration.ofDays(2));
        as("commission-1", "commission").get(NOTICES + "/{id}", issued.getString("id")).then()
                .body("overdue", equalTo(false));
        clock.advance(Duration.ofDays(1));
        as("commission-1", "commission").get(NOTICES + "/{id}", issued.getString("id")).then()
                .body("overdue", equalTo(true));
        as("commission-1", "commission").queryParam("overdue", true).queryParam("addresseeUnitId",
                unit.getString("id")).get(NOTICES).then()
                .body("items.id", contains(issued.getString("id")));
        as("commission-1", "commission").queryParam("overdue", false).queryParam("addresseeUnitId",
                unit.getString("id")).get(NOTICES).then()
                .body("items", empty());
    }

    @Test
    void theDeadlineIsCheckedAgainstTheIssueDate() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath draft = Fixtures.aNotice("RECTIFICATION_NOTICE", unit)
                .with("deadline", Fixtures.today().plusDays(1).toString()).draft();
        clock.advance(Duration.ofDays(3));
        as("commission-1", "commission").header("If-Match", "\"" + draft.getLong("version") + "\"")
                .body(Map.of("to", "ISSUED")).post(NOTICES + "/{id}/transitions", draft.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("DEADLINE_BEFORE_ISSUE"));
    }

    @Test
    void aPublicExposureShowsNamesAndPostsButNoPersonalDataAndLeavesWhenWithdrawn() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).named("区城管局").create();
        JsonPath official = Fixtures.anOfficial().named("曝光对象").create();
        Fixtures.aPost(official, unit).role("DEPUTY_IN_CHARGE", "副局长").create();
        String title = "关于" + Fixtures.uniqueCode("曝光") + "的通报";
        JsonPath issued = Fixtures.aNotice("PUBLIC_EXPOSURE", unit).with("title", title)
                .with("officialIds", List.of(official.getString("id"))).issued();

        String published = Api.anonymous().queryParam("limit", 500).get("/api/v1/public/exposures").then()
                .statusCode(200)
                .body("items.title", hasItem(title))
                .extract().asString();
        JsonPath page = new JsonPath(published);
        Map<String, Object> exposure = page.getMap("items.find { it.title == '" + title + "' }");
        assertThat(exposure.get("units").toString(), containsString("区城管局"));
        assertThat(exposure.get("officials").toString(), containsString("曝光对象"));
        assertThat(exposure.get("officials").toString(), containsString("副局长"));
        assertThat(published, not(containsString(official.getString("idNumber"))));
        assertThat(published, not(containsString(official.getString("phone"))));

        Fixtures.transition(as("commission-1", "commission"), NOTICES, issued,
                Map.of("to", "WITHDRAWN", "note", "发布有误"));
        Api.anonymous().queryParam("limit", 500).get("/api/v1/public/exposures").then()
                .body("items.title", not(hasItem(title)));
    }

    @Test
    void aUnitOfficerSeesOnlyIssuedNoticesAddressedToTheirUnits() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath mine = Fixtures.aUnit().under(district).create();
        JsonPath other = Fixtures.aUnit().under(district).create();
        String officer = Fixtures.uniqueCode("officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), mine).create();
        JsonPath toMe = Fixtures.aNotice("SITUATION_BULLETIN", mine).issued();
        JsonPath draftToMe = Fixtures.aNotice("SITUATION_BULLETIN", mine).draft();
        JsonPath toOthers = Fixtures.aNotice("RECTIFICATION_NOTICE", other).issued();

        as(officer, "unit-officer").queryParam("addresseeUnitId", district.getString("id"))
                .queryParam("includeSubunits", true).get(NOTICES).then()
                .statusCode(200)
                .body("items.id", contains(toMe.getString("id")));
        as(officer, "unit-officer").get(NOTICES + "/{id}", draftToMe.getString("id")).then().statusCode(404);
        as(officer, "unit-officer").get(NOTICES + "/{id}", toOthers.getString("id")).then().statusCode(404);
        as(officer, "unit-officer").body(Map.of("measures", "x", "completedOn", Fixtures.today().toString()))
                .post(NOTICES + "/{id}/responses", toOthers.getString("id")).then()
                .statusCode(404);
        as("inspector-1", "inspector").get(NOTICES + "/{id}", toMe.getString("id")).then().statusCode(404);
        as("hr-1", "hr").get(NOTICES + "/{id}", toMe.getString("id")).then().statusCode(200);
        as("hr-1", "hr").get(NOTICES + "/{id}", draftToMe.getString("id")).then().statusCode(404);
    }

    @Test
    void findingsOfACovertInspectionCannotBeCitedBeforeItIsCompleted() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("COVERT", unit).lead(lead).started();
        JsonPath finding = Fixtures.aFinding(inspection, unit).createAs(lead);
        as("commission-1", "commission").body(Fixtures.aNotice("SITUATION_BULLETIN", unit)
                        .with("findingIds", List.of(finding.getString("id"))).body())
                .post(NOTICES).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("COVERT_FINDINGS_SECRET"));
    }

    @Test
    void aNoticeCitesOnlyFindingsAboutItsAddresseesAndNamesOnlyTheirOfficials() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath village = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create();
        JsonPath agency = Fixtures.aUnit().under(district).create();
        JsonPath agencyHead = Fixtures.anOfficial().create();
        Fixtures.aPost(agencyHead, agency).role("PRINCIPAL", "局长").create();
        JsonPath villageHead = Fixtures.anOfficial().create();
        Fixtures.aPost(villageHead, village).role("PRINCIPAL", "村支书").create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", street, agency).lead(lead).started();
        JsonPath aboutAgency = Fixtures.aFinding(inspection, agency).createAs(lead);
        JsonPath aboutVillage = Fixtures.aFinding(inspection, village).createAs(lead);

        as("commission-1", "commission").body(Fixtures.aNotice("RECTIFICATION_NOTICE", street)
                        .with("findingIds", List.of(aboutVillage.getString("id"), aboutAgency.getString("id")))
                        .body())
                .post(NOTICES).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.pointer", contains("/findingIds/1"))
                .body("errors[0].code", equalTo("NOT_OF_ADDRESSED_UNITS"));
        as("commission-1", "commission").body(Fixtures.aNotice("ADMONITION_TALK", street)
                        .with("officialIds", List.of(villageHead.getString("id"), agencyHead.getString("id")))
                        .body())
                .post(NOTICES).then()
                .statusCode(400)
                .body("errors.pointer", contains("/officialIds/1"))
                .body("errors[0].code", equalTo("NOT_OF_ADDRESSED_UNITS"));

        JsonPath notice = Fixtures.aNotice("RECTIFICATION_NOTICE", street)
                .with("findingIds", List.of(aboutVillage.getString("id"))).issued();
        org.hamcrest.MatcherAssert.assertThat(notice.getList("findingIds"), contains(aboutVillage.getString("id")));
        as("commission-1", "commission").get("/api/v1/findings/{id}", aboutAgency.getString("id")).then()
                .body("status", equalTo("OPEN"));
    }

    @Test
    void anOfficialWhoLeftTheAddressedUnitBeforeTheIssueIsNotSummoned() {
        JsonPath street = Fixtures.aUnit().under(Fixtures.aDistrict()).type("SUBDISTRICT").create();
        JsonPath head = Fixtures.anOfficial().create();
        JsonPath post = Fixtures.aPost(head, street).role("PRINCIPAL", "主任").create();
        JsonPath draft = Fixtures.aNotice("ADMONITION_TALK", street)
                .with("officialIds", List.of(head.getString("id"))).draft();
        Api.asHr().header("If-Match", "\"" + post.getLong("version") + "\"")
                .body(Fixtures.aPost(head, street).role("PRINCIPAL", "主任")
                        .to(Fixtures.today().minusDays(1)).body())
                .put("/api/v1/officials/{officialId}/posts/{postId}", head.getString("id"), post.getString("id"))
                .then().statusCode(200);
        as("commission-1", "commission").header("If-Match", "\"" + draft.getLong("version") + "\"")
                .body(Map.of("to", "ISSUED")).post(NOTICES + "/{id}/transitions", draft.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("NOT_OF_ADDRESSED_UNITS"))
                .body("errors[0].pointer", equalTo("/officialIds/0"));
    }

    @Test
    void badNoticesAreRejectedWithPreciseProblems() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath a = Fixtures.aUnit().under(district).create();
        JsonPath b = Fixtures.aUnit().under(district).create();
        as("commission-1", "commission").body(Fixtures.aNotice("RECTIFICATION_NOTICE", a, b)
                        .with("deadline", Fixtures.today().minusDays(1).toString()).body())
                .post(NOTICES).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.pointer", containsInAnyOrder("/addresseeUnitIds", "/deadline"));
        as("commission-1", "commission").body(Fixtures.aNotice("RECTIFICATION_NOTICE", a).with("deadline", null)
                        .body()).post(NOTICES).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/deadline"));
        JsonPath gone = Fixtures.aUnit().under(district).create();
        as("hr-1", "hr").header("If-Match", "\"" + gone.getLong("version") + "\"")
                .delete("/api/v1/units/{id}", gone.getString("id")).then().statusCode(200);
        as("commission-1", "commission").body(Fixtures.aNotice("SITUATION_BULLETIN", a, gone).body())
                .post(NOTICES).then()
                .statusCode(409)
                .body("code", equalTo("UNIT_DISSOLVED"));
        as("hr-1", "hr").body(Fixtures.aNotice("SITUATION_BULLETIN", a).body()).post(NOTICES).then()
                .statusCode(403);
        JsonPath bulletin = Fixtures.aNotice("SITUATION_BULLETIN", a).issued();
        as("admin-1", "admin").body(Map.of("measures", "x", "completedOn", Fixtures.today().toString()))
                .post(NOTICES + "/{id}/responses", bulletin.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("NOTICE_NOT_AWAITING_RESPONSE"));
    }
}
