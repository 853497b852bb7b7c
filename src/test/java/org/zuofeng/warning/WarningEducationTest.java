package org.zuofeng.warning;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.zuofeng.support.Api.as;

/**
 * Warning education: a typical case is drafted from a decided case in the words bulletins use, refused when it names
 * the official or carries an ID number, published only by a second person, then read by every role and the public;
 * a unit records the sessions it held to study published cases, counted per unit and year.
 */
@QuarkusTest
class WarningEducationTest {

    private static final String TYPICAL = "/api/v1/typical-cases";

    record Decided(JsonPath unit, JsonPath official, String caseId) {
    }

    /** A violation decided: a clerk of a bureau admonished. */
    private static Decided decided() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).named("区住房和城乡建设局").create();
        JsonPath clerk = Fixtures.anOfficial().named("赵志远").create();
        Fixtures.aPost(clerk, unit).create();
        String caseId = as("commission-1", "commission").body(Map.of("subjectOfficialId", clerk.getString("id"),
                        "unitId", unit.getString("id"), "kind", "VIOLATION",
                        "occurredOn", Fixtures.today().minusDays(20).toString(), "summary", "窗口脱岗"))
                .post("/api/v1/accountability-cases").then().statusCode(201).extract().path("id");
        as("commission-1", "commission").body(Map.of("measures", List.of("ADMONISHMENT_TALK"),
                        "decidedOn", Fixtures.today().minusDays(2).toString(), "basis", "《问责条例》"))
                .post("/api/v1/accountability-cases/{id}/decision", caseId).then().statusCode(201);
        return new Decided(unit, clerk, caseId);
    }

    private static Map<String, Object> text(String caseId, String narrative) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("title", "区某局工作人员上班时间擅离岗位被诫勉谈话");
        body.put("narrative", narrative);
        body.put("violation", "工作时间擅离岗位，群众办事无人接待");
        body.put("measure", "诫勉谈话");
        body.put("lesson", "作风建设无小事，岗位职责必须时刻扛在肩上");
        return body;
    }

    @Test
    void aTypicalCaseNamingTheOfficialOrCarryingAnIdNumberIsRefusedAndOnlyASecondPersonPublishesIt() {
        Decided decided = decided();
        Api.invalidAs("commission-1", "commission")
                .body(text(decided.caseId(), "区住建局窗口工作人员赵志远多次在工作时间离岗。")).post(TYPICAL).then()
                .statusCode(400).body("errors.pointer", contains("/narrative"))
                .body("errors.code", contains("REAL_NAME"));
        Api.invalidAs("commission-1", "commission")
                .body(text(decided.caseId(), "张某某（身份证号 " + decided.official().getString("idNumber")
                        + "）多次在工作时间离岗。")).post(TYPICAL).then()
                .statusCode(400).body("errors.code", contains("ID_NUMBER"));

        JsonPath draft = as("commission-1", "commission")
                .body(text(decided.caseId(), "区某局窗口工作人员赵某某多次在工作时间离岗，群众多次反映办事无人接待。"))
                .post(TYPICAL).then().statusCode(201).body("status", equalTo("DRAFT")).extract().jsonPath();
        as("inspector-1", "inspector").get(TYPICAL + "/{id}", draft.getString("id")).then().statusCode(404);
        given().get("/api/v1/public/typical-cases/{id}", draft.getString("id")).then().statusCode(404);

        publish("commission-1", draft).then().statusCode(409)
                .body("code", equalTo("FOUR_EYES_REQUIRED"));
        JsonPath published = publish("commission-2", draft).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("approvedBy", equalTo("commission-2")).extract()
                .jsonPath();
        as("commission-1", "commission").header("If-Match", "\"" + published.getLong("version") + "\"")
                .body(text(decided.caseId(), "改写")).put(TYPICAL + "/{id}", draft.getString("id")).then()
                .statusCode(409);

        as("inspector-1", "inspector").get(TYPICAL).then().statusCode(200)
                .body("items.id", hasItem(draft.getString("id")));
        given().get("/api/v1/public/typical-cases/{id}", draft.getString("id")).then().statusCode(200)
                .body("narrative", equalTo("区某局窗口工作人员赵某某多次在工作时间离岗，群众多次反映办事无人接待。"))
                .body("$", not(org.hamcrest.Matchers.hasKey("caseId")));
        given().queryParam("year", Fixtures.today().getYear()).get("/api/v1/public/typical-cases").then()
                .statusCode(200).body("items.id", hasItem(draft.getString("id")));
    }

    @Test
    void aUnitRecordsTheSessionsItHeldOnPublishedCasesCountedPerUnitAndYear() {
        Decided decided = decided();
        JsonPath draft = as("commission-1", "commission")
                .body(text(decided.caseId(), "区某局工作人员赵某某擅离岗位。")).post(TYPICAL).then().statusCode(201)
                .extract().jsonPath();
        String published = publish("commission-2", draft).then().statusCode(200).extract().path("id");
        JsonPath unpublished = as("commission-1", "commission")
                .body(text(decided.caseId(), "尚未审核的案例。")).post(TYPICAL).then().statusCode(201).extract()
                .jsonPath();

        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String officer = Fixtures.uniqueCode("officer");
        JsonPath head = Fixtures.anOfficial().linkedTo(officer).create();
        Fixtures.aPost(head, unit).role("PRINCIPAL", "局长").create();
        JsonPath staff = Fixtures.anOfficial().create();
        Fixtures.aPost(staff, unit).create();
        JsonPath elsewhere = Fixtures.anOfficial().create();
        Fixtures.aPost(elsewhere, Fixtures.aUnit().under(Fixtures.aDistrict()).create()).create();
        String sessions = "/api/v1/units/" + unit.getString("id") + "/warning-education-sessions";

        Api.invalidAs(officer, "unit-officer").body(Map.of("heldOn", Fixtures.today().toString(), "title", "警示教育会",
                        "typicalCaseIds", List.of(published, unpublished.getString("id")),
                        "attendeeIds", List.of(head.getString("id"), elsewhere.getString("id"))))
                .post(sessions).then().statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/typicalCaseIds/1", "/attendeeIds/1"));
        as(officer, "unit-officer").body(Map.of("heldOn", Fixtures.today().toString(), "title", "以案为鉴警示教育会",
                        "typicalCaseIds", List.of(published),
                        "attendeeIds", List.of(head.getString("id"), staff.getString("id"))))
                .post(sessions).then().statusCode(201).body("attendeeIds", org.hamcrest.Matchers.hasSize(2));
        String otherUnit = Fixtures.aUnit().under(Fixtures.aDistrict()).create().getString("id");
        Api.invalidAs(officer, "unit-officer").body(Map.of("heldOn", Fixtures.today().toString(), "title", "越权",
                        "typicalCaseIds", List.of(published), "attendeeIds", List.of(head.getString("id"))))
                .post("/api/v1/units/" + otherUnit + "/warning-education-sessions").then().statusCode(404);

        as("commission-1", "commission").queryParam("unitId", unit.getString("id"))
                .get("/api/v1/statistics/warning-education").then().statusCode(200)
                .body("year", equalTo(Fixtures.today().getYear())).body("sessions", equalTo(1))
                .body("attendances", equalTo(2))
                .body("units[0].unitId", equalTo(unit.getString("id")));
    }

    private static io.restassured.response.Response publish(String subject, JsonPath draft) {
        return as(subject, "commission").header("If-Match", "\"" + draft.getLong("version") + "\"")
                .post(TYPICAL + "/{id}/publication", draft.getString("id"));
    }
}
