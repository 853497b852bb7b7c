package org.zuofeng.accountability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.zuofeng.support.Api.as;

/** Accountability: one case, two investigations (一案双查), decisions, appeals and waivers. */
@QuarkusTest
class CaseResourceTest {

    private static final String CASES = "/api/v1/accountability-cases";
    private static final String PROBLEM = "application/problem+json";

    /** A bureau with a principal, two deputies in charge, a leadership member and a clerk. */
    record Bureau(JsonPath unit, JsonPath principal, JsonPath deputy1, JsonPath deputy2, JsonPath member,
            JsonPath clerk) {
    }

    private static Bureau bureau() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        LocalDate since = Fixtures.today().minusYears(2);
        JsonPath principal = Fixtures.anOfficial().named("局长").create();
        JsonPath deputy1 = Fixtures.anOfficial().named("副局长甲").create();
        JsonPath deputy2 = Fixtures.anOfficial().named("副局长乙").create();
        JsonPath member = Fixtures.anOfficial().named("党组成员").create();
        JsonPath clerk = Fixtures.anOfficial().named("科员").create();
        Fixtures.aPost(principal, unit).role("PRINCIPAL", "局长").from(since).create();
        Fixtures.aPost(deputy1, unit).role("DEPUTY_IN_CHARGE", "副局长").responsibility("城建").from(since).create();
        Fixtures.aPost(deputy2, unit).role("DEPUTY_IN_CHARGE", "副局长").responsibility("环保").from(since).create();
        Fixtures.aPost(member, unit).role("LEADERSHIP_MEMBER", "党组成员").from(since).create();
        Fixtures.aPost(clerk, unit).from(since).create();
        return new Bureau(unit, principal, deputy1, deputy2, member, clerk);
    }

    private static Map<String, Object> violation(Bureau bureau, JsonPath subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectOfficialId", subject.getString("id"));
        body.put("unitId", bureau.unit().getString("id"));
        body.put("kind", "VIOLATION");
        body.put("occurredOn", Fixtures.today().minusDays(10).toString());
        body.put("summary", "窗口脱岗");
        return body;
    }

    private static JsonPath open(Map<String, Object> body) {
        return as("commission-1", "commission").body(body).post(CASES).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aViolationCaseOpensLeadershipCasesForThePrincipalAndEveryDeputyInCharge() {
        Bureau bureau = bureau();
        JsonPath violation = open(violation(bureau, bureau.clerk()));

        assertThat(violation.getString("status"), equalTo("OPEN"));
        assertThat(violation.getList("linkedCases.subjectName"), containsInAnyOrder("局长", "副局长甲", "副局长乙"));
        assertThat(violation.getList("linkedCases.kind"), contains("LEADERSHIP_RESPONSIBILITY",
                "LEADERSHIP_RESPONSIBILITY", "LEADERSHIP_RESPONSIBILITY"));
        assertThat(violation.getList("leadersFound.name"), containsInAnyOrder("局长", "副局长甲", "副局长乙"));
        assertThat(violation.getList("leadersFound.caseId"), hasSize(3));
        String principalCase = violation.getString("leadersFound.find { it.role == 'PRINCIPAL' }.caseId");
        as("auditor-1", "auditor").get(CASES + "/{id}", principalCase).then()
                .statusCode(200)
                .body("kind", equalTo("LEADERSHIP_RESPONSIBILITY"))
                .body("leaderRole", equalTo("PRINCIPAL"))
                .body("subjectOfficialId", equalTo(bureau.principal().getString("id")))
                .body("linkedCaseIds", contains(violation.getString("id")));
    }

    @Test
    void aViolationInOneAreaIsPursuedWithThePrincipalAndTheDeputyInChargeOfThatArea() {
        Bureau bureau = bureau();
        Map<String, Object> body = violation(bureau, bureau.clerk());
        body.put("area", "城建");

        JsonPath violation = open(body);

        assertThat(violation.getString("area"), equalTo("城建"));
        assertThat(violation.getList("linkedCases.subjectName"), containsInAnyOrder("局长", "副局长甲"));
        assertThat(violation.getString("leadersFound.find { it.name == '副局长甲' }.responsibility"), equalTo("城建"));
        assertThat(violation.get("leadersFound.find { it.name == '副局长乙' }.caseId"), nullValue());
        assertThat(violation.getString("leadersFound.find { it.name == '副局长乙' }.responsibility"),
                equalTo("环保"));
    }

    @Test
    void theCaseListShowsForEachViolationTheLeadersOfItsOwnUnitOnItsOwnDay() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath bureau = Fixtures.aUnit().under(district).create();
        JsonPath office = Fixtures.aUnit().under(district).create();
        LocalDate handover = Fixtures.today().minusDays(30);
        JsonPath formerHead = Fixtures.anOfficial().named("原局长").create();
        JsonPath head = Fixtures.anOfficial().named("新局长").create();
        JsonPath officeHead = Fixtures.anOfficial().named("办公室主任").create();
        JsonPath clerk = Fixtures.anOfficial().named("科员").create();
        Fixtures.aPost(formerHead, bureau).role("PRINCIPAL", "局长").from(handover.minusYears(1)).to(handover)
                .create();
        Fixtures.aPost(head, bureau).role("PRINCIPAL", "局长").from(handover.plusDays(1)).create();
        Fixtures.aPost(officeHead, office).role("PRINCIPAL", "主任").from(handover.minusYears(1)).create();
        Fixtures.aPost(clerk, bureau).from(handover.minusYears(1)).create();
        Map<String, String> caseByLeader = new HashMap<>();
        for (var when : List.of(Map.entry(bureau, handover), Map.entry(bureau, handover.plusDays(1)),
                Map.entry(office, handover))) {
            Map<String, Object> body = new HashMap<>();
            body.put("subjectOfficialId", clerk.getString("id"));
            body.put("unitId", when.getKey().getString("id"));
            body.put("kind", "VIOLATION");
            body.put("occurredOn", when.getValue().toString());
            body.put("summary", "窗口脱岗");
            JsonPath opened = open(body);
            caseByLeader.put(opened.getString("leadersFound[0].name"), opened.getString("id"));
        }

        JsonPath listed = as("commission-1", "commission").queryParam("unitId", district.getString("id"))
                .queryParam("includeSubunits", true).queryParam("kind", "VIOLATION").queryParam("limit", 10)
                .get(CASES).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items"), hasSize(3));
        assertThat(caseByLeader.keySet(), containsInAnyOrder("原局长", "新局长", "办公室主任"));
        caseByLeader.forEach((leader, id) -> assertThat(
                listed.getList("items.find { it.id == '" + id + "' }.leadersFound.name"), contains(leader)));
    }

    @Test
    void noLeadershipCaseIsOpenedForALeaderWhoIsTheViolator() {
        Bureau bureau = bureau();
        JsonPath violation = open(violation(bureau, bureau.principal()));
        assertThat(violation.getList("linkedCases.subjectName"), containsInAnyOrder("副局长甲", "副局长乙"));
        assertThat(violation.getString("leadersFound.find { it.role == 'PRINCIPAL' }.name"), equalTo("局长"));
        assertThat(violation.get("leadersFound.find { it.role == 'PRINCIPAL' }.caseId"), nullValue());
    }

    @Test
    void aLeadershipCaseIsWaivedOnlyWithAWrittenReasonAndAViolationNever() {
        Bureau bureau = bureau();
        JsonPath violation = open(violation(bureau, bureau.clerk()));
        String leadershipId = violation.getString("linkedCaseIds[0]");
        JsonPath leadership = as("commission-1", "commission").get(CASES + "/{id}", leadershipId).then().extract()
                .jsonPath();

        as("commission-1", "commission").header("If-Match", "\"" + leadership.getLong("version") + "\"")
                .body(Map.of("to", "WAIVED")).post(CASES + "/{id}/transitions", leadershipId).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/note"));
        Fixtures.transition(as("commission-1", "commission"), CASES, leadership,
                Map.of("to", "WAIVED", "note", "该副局长不分管此项工作"));
        as("commission-1", "commission").header("If-Match", "\"" + violation.getLong("version") + "\"")
                .body(Map.of("to", "WAIVED", "note", "x")).post(CASES + "/{id}/transitions", violation.getString("id"))
                .then()
                .statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
    }

    @Test
    void aTransferDecisionEndsThePostOnTheDecisionDate() {
        Bureau bureau = bureau();
        JsonPath violation = open(violation(bureau, bureau.clerk()));
        LocalDate decidedOn = Fixtures.today().minusDays(1);

        as("commission-1", "commission").body(Map.of("measures", List.of("TRANSFER", "ADMONISHMENT_TALK"),
                        "decidedOn", decidedOn.toString(), "basis", "《问责条例》"))
                .post(CASES + "/{id}/decision", violation.getString("id")).then()
                .statusCode(201)
                .body("status", equalTo("DECIDED"))
                .body("decision.measures", contains("ADMONISHMENT_TALK", "TRANSFER"))
                .body("decision.disciplinarySanction", equalTo(false));
        as("hr-1", "hr").get("/api/v1/officials/{id}/posts", bureau.clerk().getString("id")).then()
                .body("items[0].endDate", equalTo(decidedOn.toString()))
                .body("items[0].active", equalTo(false));
    }

    @Test
    void partyWarningsAndDemeritsAreDisciplinarySanctions() {
        Bureau bureau = bureau();
        JsonPath violation = open(violation(bureau, bureau.clerk()));
        as("commission-1", "commission").body(Map.of("measures", List.of("DEMERIT"), "decidedOn",
                        Fixtures.today().toString(), "basis", "纪律处分条例"))
                .post(CASES + "/{id}/decision", violation.getString("id")).then()
                .statusCode(201)
                .body("decision.disciplinarySanction", equalTo(true));
        as("commission-1", "commission").queryParam("measure", "DEMERIT").queryParam("subjectOfficialId",
                bureau.clerk().getString("id")).get(CASES).then()
                .body("items.id", contains(violation.getString("id")));
        as("hr-1", "hr").get("/api/v1/officials/{id}/posts", bureau.clerk().getString("id")).then()
                .body("items[0].active", equalTo(true));
    }

    @Test
    void aCaseIsDecidedOnceEvenWhenDecisionsRace() throws Exception {
        Bureau bureau = bureau();
        JsonPath violation = open(violation(bureau, bureau.clerk()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as("commission-1", "commission").body(Map.of("measures", List.of("CRITICISM_BULLETIN"),
                                    "decidedOn", Fixtures.today().toString(), "basis", "并发"))
                            .post(CASES + "/{id}/decision", violation.getString("id")).then()
                            .extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses, containsInAnyOrder(201, 409, 409, 409));
        } finally {
            pool.shutdownNow();
        }
        as("commission-1", "commission").get(CASES + "/{id}", violation.getString("id")).then()
                .body("decisionHistory", hasSize(1));
        as("commission-1", "commission").body(Map.of("measures", List.of("DEMERIT"), "decidedOn",
                        Fixtures.today().toString(), "basis", "再次决定"))
                .post(CASES + "/{id}/decision", violation.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("CASE_NOT_OPEN"));
    }

    @Test
    void anAppealIsUpheldOrRevisedAndARevisedDecisionStaysInTheHistory() {
        Bureau bureau = bureau();
        JsonPath violation = open(violation(bureau, bureau.clerk()));
        String id = violation.getString("id");
        as("commission-1", "commission").body(Map.of("measures", List.of("DEMERIT"), "decidedOn",
                Fixtures.today().minusDays(5).toString(), "basis", "初次决定")).post(CASES + "/{id}/decision", id)
                .then().statusCode(201);

        JsonPath appealed = as("commission-1", "commission").body(Map.of("text", "处分过重",
                        "filedOn", Fixtures.today().minusDays(2).toString())).post(CASES + "/{id}/appeals", id)
                .then().statusCode(201).extract().jsonPath();
        String appealId = appealed.getString("appeals[0].id");
        as("commission-1", "commission").body(Map.of("text", "再申诉", "filedOn", Fixtures.today().toString()))
                .post(CASES + "/{id}/appeals", id).then()
                .statusCode(409)
                .body("code", equalTo("APPEAL_NOT_ALLOWED"));
        as("commission-1", "commission").body(Map.of("outcome", "REVISED", "reason", "情节较轻")).post(
                CASES + "/{id}/appeals/{appealId}/resolution", id, appealId).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/decision"));
        as("commission-1", "commission").body(Map.of("outcome", "REVISED", "reason", "情节较轻",
                        "decision", Map.of("measures", List.of("CRITICISM_BULLETIN"),
                                "decidedOn", Fixtures.today().toString(), "basis", "复查决定")))
                .post(CASES + "/{id}/appeals/{appealId}/resolution", id, appealId).then()
                .statusCode(200)
                .body("decision.measures", contains("CRITICISM_BULLETIN"))
                .body("decision.disciplinarySanction", equalTo(false))
                .body("decisionHistory", hasSize(2))
                .body("decisionHistory[0].measures", contains("DEMERIT"))
                .body("appeals[0].outcome", equalTo("REVISED"));
        String standing = as("commission-1", "commission").get(CASES + "/{id}/decision", id).then()
                .statusCode(200).body("measures", contains("CRITICISM_BULLETIN")).extract().path("id");
        as("commission-1", "commission").get(CASES + "/{id}", id).then()
                .body("decisionHistory[0].supersededBy", equalTo(standing))
                .body("appeals[0].revisedDecisionId", equalTo(standing));
        as("commission-1", "commission").body(Map.of("outcome", "UPHELD", "reason", "x"))
                .post(CASES + "/{id}/appeals/{appealId}/resolution", id, appealId).then()
                .statusCode(409)
                .body("code", equalTo("APPEAL_RESOLVED"));
    }

    @Test
    void aDecidedCaseIsClosed() {
        Bureau bureau = bureau();
        JsonPath violation = open(violation(bureau, bureau.clerk()));
        JsonPath decided = as("commission-1", "commission").body(Map.of("measures", List.of("ADMONISHMENT_TALK"),
                        "decidedOn", Fixtures.today().toString(), "basis", "谈话")).post(CASES + "/{id}/decision",
                        violation.getString("id")).then().statusCode(201).extract().jsonPath();
        Fixtures.transition(as("commission-1", "commission"), CASES, decided, Map.of("to", "CLOSED"));
        as("auditor-1", "auditor").get(CASES + "/{id}/transitions", violation.getString("id")).then()
                .body("items.to", contains("DECIDED", "CLOSED"));
    }

    @Test
    void hrSeesOnlyDecidedCasesAndOtherRolesNone() {
        Bureau bureau = bureau();
        JsonPath open = open(violation(bureau, bureau.clerk()));
        JsonPath other = open(violation(bureau, bureau.member()));
        as("commission-1", "commission").body(Map.of("measures", List.of("CRITICISM_BULLETIN"),
                "decidedOn", Fixtures.today().toString(), "basis", "通报")).post(CASES + "/{id}/decision",
                other.getString("id")).then().statusCode(201);

        as("hr-1", "hr").get(CASES + "/{id}", open.getString("id")).then().statusCode(404);
        as("hr-1", "hr").get(CASES + "/{id}", other.getString("id")).then().statusCode(200);
        as("hr-1", "hr").queryParam("unitId", bureau.unit().getString("id")).get(CASES).then()
                .body("items.id", contains(other.getString("id")));
        for (String role : new String[] {"inspector", "unit-officer", "integration"}) {
            as("someone", role).get(CASES + "/{id}", other.getString("id")).then()
                    .statusCode(403)
                    .contentType(PROBLEM);
        }
        as("hr-1", "hr").body(violation(bureau, bureau.clerk())).post(CASES).then().statusCode(403);
    }

    @Test
    void aCaseCannotCiteFindingsOfACovertInspectionBeforeItIsCompleted() {
        Bureau bureau = bureau();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("COVERT", bureau.unit()).lead(lead).started();
        JsonPath finding = Fixtures.aFinding(inspection, bureau.unit()).createAs(lead);
        Map<String, Object> citing = violation(bureau, bureau.clerk());
        citing.put("sourceFindingIds", List.of(finding.getString("id")));
        as("commission-1", "commission").body(citing).post(CASES).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("COVERT_FINDINGS_SECRET"));

        Fixtures.transition(as(lead, "inspector"), "/api/v1/inspections", as(lead, "inspector")
                .get("/api/v1/inspections/{id}", inspection.getString("id")).then().extract().jsonPath(),
                Map.of("to", "COMPLETED", "summary", "暗访结束"));
        open(citing);
    }

    @Test
    void hrReadingADecidedCaseLearnsNothingOfLinkedCasesItMayNotRead() {
        Bureau bureau = bureau();
        JsonPath violation = open(violation(bureau, bureau.clerk()));
        List<String> leadership = violation.getList("linkedCaseIds", String.class);
        as("commission-1", "commission").body(Map.of("measures", List.of("ADMONISHMENT_TALK"),
                        "decidedOn", Fixtures.today().toString(), "basis", "依据"))
                .post(CASES + "/{id}/decision", violation.getString("id")).then().statusCode(201);

        String shown = as("hr-1", "hr").get(CASES + "/{id}", violation.getString("id")).then()
                .statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("linkedCaseIds", empty())
                .body("linkedCases", empty())
                .body("leadersFound.name", hasItem("局长"))
                .body("leadersFound.caseId", everyItem(nullValue()))
                .extract().asString();
        for (String id : leadership) {
            org.junit.jupiter.api.Assertions.assertFalse(shown.contains(id), "hr sees no id of an open case");
        }
        as("commission-1", "commission").get(CASES + "/{id}", violation.getString("id")).then()
                .body("linkedCaseIds", containsInAnyOrder(leadership.toArray()));

        String decidedLeadership = leadership.get(0);
        as("commission-1", "commission").body(Map.of("measures", List.of("CRITICISM_BULLETIN"),
                        "decidedOn", Fixtures.today().toString(), "basis", "失职"))
                .post(CASES + "/{id}/decision", decidedLeadership).then().statusCode(201);
        as("hr-1", "hr").get(CASES + "/{id}", violation.getString("id")).then()
                .body("linkedCaseIds", contains(decidedLeadership));
        as("hr-1", "hr").queryParam("unitId", bureau.unit().getString("id")).get(CASES).then()
                .body("items.find { it.id == '" + violation.getString("id") + "' }.linkedCaseIds",
                        contains(decidedLeadership));
    }

    @Test
    void badCasesAreRejectedWithPreciseProblems() {
        Bureau bureau = bureau();
        Map<String, Object> body = violation(bureau, bureau.clerk());
        body.put("subjectOfficialId", "0194c4b6-5b1e-7000-8000-0000000c0ffe");
        body.put("sourceFindingIds", List.of("0194c4b6-5b1e-7000-8000-0000000c0fff"));
        as("commission-1", "commission").body(body).post(CASES).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.pointer", containsInAnyOrder("/subjectOfficialId", "/sourceFindingIds/0"));
        as("commission-1", "commission").get(CASES + "/{id}/decision", open(violation(bureau, bureau.clerk()))
                .getString("id")).then()
                .statusCode(404);
    }
}
