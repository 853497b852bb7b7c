package org.zuofeng.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.zuofeng.support.Api.anonymous;
import static org.zuofeng.support.Api.as;
import static org.zuofeng.support.Api.asHr;

/** Schemes, scores, grades, public notice, objections and the excellent quota, through the API. */
@QuarkusTest
class AssessmentResourceTest {

    static final String SCHEMES = "/api/v1/assessment-schemes";
    static final String ASSESSMENTS = "/api/v1/assessments";
    static final String PROBLEM = "application/problem+json";

    /** An official holding a staff post in {@code unit}. */
    static JsonPath officialIn(JsonPath unit) {
        JsonPath official = Fixtures.anOfficial().create();
        Fixtures.aPost(official, unit).create();
        return official;
    }

    static JsonPath toNotice(JsonPath assessment) {
        return Fixtures.transition(asHr(), ASSESSMENTS, assessment, Map.of("to", "PUBLIC_NOTICE"));
    }

    @Test
    void theTotalIsComputedByTheServerFromWeightsAndMaximumsWithAWorkedExample() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        // DUTY 8.5 of 10 at weight 40, RESULT 17 of 20 at weight 60: 34 + 51 = 85.00, COMPETENT (70 ≤ 85 < 90)
        JsonPath assessment = Fixtures.anAssessment(scheme, 8.5, 17).of(officialIn(unit)).create();

        assertThat(assessment.getDouble("totalScore"), equalTo(85.0));
        assertThat(assessment.getString("grade"), equalTo("COMPETENT"));
        assertThat(assessment.getBoolean("rewardEligible"), equalTo(false));
        assertThat(assessment.getString("status"), equalTo("DRAFT"));
        assertThat(assessment.getInt("year"), equalTo(2031));
        assertThat(assessment.getString("unitId"), equalTo(unit.getString("id")));
        assertThat(assessment.getString("unitName"), equalTo(unit.getString("name")));
    }

    @Test
    void aTotalExactlyOnABandBoundaryTakesThatBandsGrade() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        // 10 / 10 × 40 + 16.666 / 20 × 60 = 40 + 49.998 = 89.998 → 90.00: EXCELLENT, on the boundary
        JsonPath onTheEdge = Fixtures.anAssessment(scheme, 10, 16.666).of(officialIn(unit)).create();
        assertThat(onTheEdge.getDouble("totalScore"), equalTo(90.0));
        assertThat(onTheEdge.getString("grade"), equalTo("EXCELLENT"));
        assertThat(onTheEdge.getBoolean("rewardEligible"), equalTo(true));
        // 7.5 / 10 × 40 + 10 / 20 × 60 = 30 + 30 = 60.00: BASICALLY_COMPETENT; 59.99… would not be
        assertThat(Fixtures.anAssessment(scheme, 7.5, 10).of(officialIn(unit)).create().getString("grade"),
                equalTo("BASICALLY_COMPETENT"));
        assertThat(Fixtures.anAssessment(scheme, 7.5, 9.996).of(officialIn(unit)).create().getString("grade"),
                equalTo("INCOMPETENT"));
    }

    @Test
    void aSchemesWeightsMustSumToExactlyOneHundred() {
        asHr().body(Fixtures.aScheme("OFFICIAL", 2031).with("indicators", List.of(
                        Map.of("code", "DUTY", "name", "履职尽责", "weight", 40, "maxScore", 10),
                        Map.of("code", "RESULT", "name", "工作实绩", "weight", 59.99, "maxScore", 20))).body())
                .post(SCHEMES).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.pointer", hasItem("/indicators"))
                .body("errors.find { it.pointer == '/indicators' }.message",
                        equalTo("weights must sum to exactly 100, not 99.99"));
    }

    @Test
    void bandsMustGiveEachGradeOnceStrictlyFallingToZero() {
        List<Map<String, Object>> overlapping = List.of(
                Map.of("grade", "EXCELLENT", "minScore", 90),
                Map.of("grade", "COMPETENT", "minScore", 90),
                Map.of("grade", "BASICALLY_COMPETENT", "minScore", 60),
                Map.of("grade", "INCOMPETENT", "minScore", 0));
        asHr().body(Fixtures.aScheme("OFFICIAL", 2031).with("gradeBands", overlapping).body()).post(SCHEMES).then()
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/gradeBands")));
        List<Map<String, Object>> notFromZero = List.of(
                Map.of("grade", "EXCELLENT", "minScore", 90),
                Map.of("grade", "COMPETENT", "minScore", 70),
                Map.of("grade", "BASICALLY_COMPETENT", "minScore", 60),
                Map.of("grade", "INCOMPETENT", "minScore", 10));
        asHr().body(Fixtures.aScheme("OFFICIAL", 2031).with("gradeBands", notFromZero).body()).post(SCHEMES).then()
                .statusCode(400)
                .body("errors.find { it.pointer == '/gradeBands' }.message", equalTo("INCOMPETENT must start at 0"));
        List<Map<String, Object>> twice = List.of(
                Map.of("grade", "EXCELLENT", "minScore", 90),
                Map.of("grade", "EXCELLENT", "minScore", 70),
                Map.of("grade", "BASICALLY_COMPETENT", "minScore", 60),
                Map.of("grade", "INCOMPETENT", "minScore", 0));
        asHr().body(Fixtures.aScheme("OFFICIAL", 2031).with("gradeBands", twice).body()).post(SCHEMES).then()
                .statusCode(400)
                .body("errors.find { it.pointer == '/gradeBands' }.message",
                        equalTo("must give each of the four grades once"));
    }

    @Test
    void aVillageSchemeNeedsAVoteRuleAndNoOtherSchemeMayHaveOne() {
        asHr().body(Fixtures.aScheme("VILLAGE_CADRE", 2031).with("voteRule", null).body()).post(SCHEMES).then()
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/voteRule")));
        asHr().body(Fixtures.aScheme("OFFICIAL", 2031)
                        .with("voteRule", Map.of("incompetentShare", Map.of("numerator", 1, "denominator", 3))).body())
                .post(SCHEMES).then()
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/voteRule")));
    }

    @Test
    void aSchemeWithAssessmentsIsFrozen() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        assertThat(scheme.getBoolean("frozen"), equalTo(false));
        JsonPath renamed = asHr().header("If-Match", "\"" + scheme.getLong("version") + "\"")
                .body(Fixtures.aScheme("OFFICIAL", 2031).with("name", "改名后的方案").body())
                .put(SCHEMES + "/{id}", scheme.getString("id")).then().statusCode(200).extract().jsonPath();

        Fixtures.anAssessment(renamed, 8, 16).of(officialIn(unit)).create();

        asHr().get(SCHEMES + "/{id}", scheme.getString("id")).then().body("frozen", equalTo(true));
        asHr().header("If-Match", "\"" + renamed.getLong("version") + "\"")
                .body(Fixtures.aScheme("OFFICIAL", 2031).with("excellentQuota", 0.5).body())
                .put(SCHEMES + "/{id}", scheme.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("SCHEME_FROZEN"));
        asHr().get(SCHEMES + "/{id}", scheme.getString("id")).then().body("excellentQuota", equalTo(0.15f));
    }

    @Test
    void scoresAreCheckedAgainstTheSchemeAndNothingIsSavedWhenOneIsWrong() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath official = officialIn(unit);
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        asHr().body(Fixtures.anAssessment(scheme, 10.5, 16).of(official).body()).post(ASSESSMENTS).then()
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/scores/0/score")))
                .body("errors[0].message", equalTo("must not exceed the indicator's maxScore 10"));
        asHr().body(Fixtures.anAssessment(scheme, 8, 16).of(official).with("scores", List.of(
                        Map.of("indicatorCode", "DUTY", "score", 8), Map.of("indicatorCode", "DUTY", "score", 7))).body())
                .post(ASSESSMENTS).then()
                .statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/scores/1/indicatorCode", "/scores"))
                .body("errors.message", containsInAnyOrder("is scored twice", "indicator RESULT is not scored"));
        asHr().body(Fixtures.anAssessment(scheme, 8, 16).of(official).with("scores", List.of(
                        Map.of("indicatorCode", "DUTY", "score", 8), Map.of("indicatorCode", "RESULT", "score", 16),
                        Map.of("indicatorCode", "STYLE", "score", 1))).body())
                .post(ASSESSMENTS).then()
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/scores/2/indicatorCode")));
        asHr().body(Fixtures.anAssessment(scheme, 8, 16).ofTeam(unit).body()).post(ASSESSMENTS).then()
                .statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/unitId", "/officialId"));

        asHr().queryParam("schemeId", scheme.getString("id")).get(ASSESSMENTS).then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void aSubjectIsAssessedOncePerScheme() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath official = officialIn(unit);
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        Fixtures.anAssessment(scheme, 8, 16).of(official).create();
        asHr().body(Fixtures.anAssessment(scheme, 9, 18).of(official).body()).post(ASSESSMENTS).then()
                .statusCode(409)
                .body("code", equalTo("ASSESSMENT_EXISTS"));

        JsonPath teams = Fixtures.aScheme("LEADERSHIP_TEAM", 2031).create();
        Fixtures.anAssessment(teams, 8, 16).ofTeam(unit).create();
        asHr().body(Fixtures.anAssessment(teams, 9, 18).ofTeam(unit).body()).post(ASSESSMENTS).then()
                .statusCode(409)
                .body("code", equalTo("ASSESSMENT_EXISTS"));
    }

    @Test
    void aDraftIsCorrectedAndRegradedButItsSubjectStays() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath official = officialIn(unit);
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        JsonPath draft = Fixtures.anAssessment(scheme, 8, 16).of(official).create();
        String etag = "\"" + draft.getLong("version") + "\"";

        asHr().header("If-Match", etag).body(Fixtures.anAssessment(scheme, 8, 16).of(officialIn(unit)).body())
                .put(ASSESSMENTS + "/{id}", draft.getString("id")).then()
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/officialId")));
        asHr().header("If-Match", etag).body(Fixtures.anAssessment(scheme, 10, 20).of(official).body())
                .put(ASSESSMENTS + "/{id}", draft.getString("id")).then()
                .statusCode(200)
                .body("totalScore", equalTo(100.0f))
                .body("grade", equalTo("EXCELLENT"));
    }

    @Test
    void publicNoticeOpensAFiveDayWindowAndTheResultCannotBeFinalBeforeItEnds() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        JsonPath draft = Fixtures.anAssessment(scheme, 8, 16).of(officialIn(unit)).create();

        asHr().header("If-Match", "\"" + draft.getLong("version") + "\"").body(Map.of("to", "FINAL"))
                .post(ASSESSMENTS + "/{id}/transitions", draft.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));

        JsonPath inNotice = toNotice(draft);

        assertThat(inNotice.getString("status"), equalTo("PUBLIC_NOTICE"));
        assertThat(inNotice.getString("noticeStart"), equalTo(Fixtures.today().toString()));
        assertThat(inNotice.getString("noticeEnd"), equalTo(Fixtures.today().plusDays(4).toString()));
        asHr().header("If-Match", "\"" + inNotice.getLong("version") + "\"").body(Map.of("to", "FINAL"))
                .post(ASSESSMENTS + "/{id}/transitions", draft.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("NOTICE_WINDOW_OPEN"));
        asHr().header("If-Match", "\"" + inNotice.getLong("version") + "\"").body(Map.of("to", "DRAFT"))
                .post(ASSESSMENTS + "/{id}/transitions", draft.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"))
                .body("allowedTargets", equalTo(List.of("FINAL")));
        asHr().header("If-Match", "\"" + inNotice.getLong("version") + "\"")
                .body(Fixtures.anAssessment(scheme, 10, 20).with("officialId", draft.getString("officialId")).body())
                .put(ASSESSMENTS + "/{id}", draft.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("ASSESSMENT_NOT_DRAFT"));
    }

    @Test
    void anUpheldObjectionSendsTheAssessmentBackToDraftWithTheReason() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        JsonPath inNotice = toNotice(Fixtures.anAssessment(scheme, 8, 16).of(officialIn(unit)).create());
        String id = inNotice.getString("id");

        JsonPath objected = as("commission-1", "commission")
                .body(Map.of("text", "该同志全年请假逾三个月，实绩得分偏高", "raisedBy", "群众来信"))
                .post(ASSESSMENTS + "/{id}/objections", id).then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/assessments/" + id))
                .extract().jsonPath();
        assertThat(objected.getList("objections"), hasSize(1));
        assertThat(objected.get("objections[0].outcome"), nullValue());
        String objectionId = objected.getString("objections[0].id");

        JsonPath upheld = asHr().body(Map.of("outcome", "UPHELD", "reason", "经核实，实绩得分应予调整"))
                .post(ASSESSMENTS + "/{id}/objections/{objectionId}/resolution", id, objectionId).then()
                .statusCode(200)
                .extract().jsonPath();

        assertThat(upheld.getString("status"), equalTo("DRAFT"));
        assertThat(upheld.get("noticeStart"), nullValue());
        assertThat(upheld.getString("objections[0].outcome"), equalTo("UPHELD"));
        assertThat(upheld.getString("objections[0].resolvedBy"), equalTo("hr-1"));
        asHr().get(ASSESSMENTS + "/{id}/transitions", id).then()
                .body("items.to", equalTo(List.of("PUBLIC_NOTICE", "DRAFT")))
                .body("items[1].note", equalTo("经核实，实绩得分应予调整"));
        asHr().body(Map.of("outcome", "DISMISSED", "reason", "再议"))
                .post(ASSESSMENTS + "/{id}/objections/{objectionId}/resolution", id, objectionId).then()
                .statusCode(409)
                .body("code", equalTo("OBJECTION_RESOLVED"));
        as("commission-1", "commission").body(Map.of("text", "又一条", "raisedBy", "匿名"))
                .post(ASSESSMENTS + "/{id}/objections", id).then()
                .statusCode(409)
                .body("code", equalTo("OBJECTION_OUTSIDE_WINDOW"));
    }

    @Test
    void aDismissedObjectionKeepsTheAssessmentInNotice() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        String id = toNotice(Fixtures.anAssessment(scheme, 8, 16).of(officialIn(unit)).create()).getString("id");
        String objectionId = asHr().body(Map.of("text", "得分偏低", "raisedBy", "本人")).post(ASSESSMENTS + "/{id}/objections", id)
                .then().statusCode(201).extract().jsonPath().getString("objections[0].id");

        asHr().body(Map.of("outcome", "DISMISSED", "reason", "评分有据"))
                .post(ASSESSMENTS + "/{id}/objections/{objectionId}/resolution", id, objectionId).then()
                .statusCode(200)
                .body("status", equalTo("PUBLIC_NOTICE"))
                .body("objections[0].outcome", equalTo("DISMISSED"));
    }

    @Test
    void withSevenSubjectsAUnitMayHaveOneExcellentGrade() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        List<JsonPath> excellent = subjects(scheme, unit, 7, 2);

        toNotice(excellent.get(0));
        refusedForQuota(excellent.get(1), 1, 1);
    }

    @Test
    void withTwentySubjectsAUnitMayHaveThreeExcellentGrades() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        List<JsonPath> excellent = subjects(scheme, unit, 20, 4);

        excellent.subList(0, 3).forEach(AssessmentResourceTest::toNotice);
        refusedForQuota(excellent.get(3), 3, 3);
    }

    @Test
    void twoParallelRequestsCannotBothTakeTheLastExcellentPlace() throws Exception {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        List<JsonPath> excellent = subjects(scheme, unit, 7, 2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (JsonPath assessment : excellent) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return asHr().header("If-Match", "\"" + assessment.getLong("version") + "\"")
                            .body(Map.of("to", "PUBLIC_NOTICE"))
                            .post(ASSESSMENTS + "/{id}/transitions", assessment.getString("id")).then().extract()
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses, containsInAnyOrder(200, 409));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void quotasAreCountedPerUnit() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        JsonPath first = subjects(scheme, Fixtures.aUnit().under(district).create(), 1, 1).get(0);
        JsonPath second = subjects(scheme, Fixtures.aUnit().under(district).create(), 1, 1).get(0);
        toNotice(first);
        toNotice(second);
    }

    /** {@code count} officials of {@code unit} assessed under {@code scheme}; the first {@code excellent} EXCELLENT. */
    private static List<JsonPath> subjects(JsonPath scheme, JsonPath unit, int count, int excellent) {
        List<JsonPath> excellentOnes = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            JsonPath assessment = Fixtures.anAssessment(scheme, n < excellent ? 10 : 8, n < excellent ? 19 : 16)
                    .of(officialIn(unit)).create();
            if (n < excellent) {
                assertThat(assessment.getString("grade"), equalTo("EXCELLENT"));
                excellentOnes.add(assessment);
            }
        }
        return excellentOnes;
    }

    private static void refusedForQuota(JsonPath assessment, int allowed, int taken) {
        asHr().header("If-Match", "\"" + assessment.getLong("version") + "\"").body(Map.of("to", "PUBLIC_NOTICE"))
                .post(ASSESSMENTS + "/{id}/transitions", assessment.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("EXCELLENT_QUOTA_EXCEEDED"))
                .body("allowed", equalTo(allowed))
                .body("taken", equalTo(taken));
        asHr().get(ASSESSMENTS + "/{id}", assessment.getString("id")).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void draftsAreSeenOnlyByHrAdminsTheCommissionAndAuditors() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath officer = Fixtures.anOfficial().linkedTo("officer-assess-" + unit.getString("id")).create();
        Fixtures.aPost(officer, unit).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        String id = Fixtures.anAssessment(scheme, 8, 16).of(officialIn(unit)).create().getString("id");

        as("commission-1", "commission").get(ASSESSMENTS + "/{id}", id).then().statusCode(200);
        as("auditor-1", "auditor").get(ASSESSMENTS + "/{id}", id).then().statusCode(200);
        as("officer-assess-" + unit.getString("id"), "unit-officer").get(ASSESSMENTS + "/{id}", id).then()
                .statusCode(404);
        as("integration-1", "integration").get(ASSESSMENTS + "/{id}", id).then().statusCode(404);
        as("inspector-1", "inspector").get(ASSESSMENTS + "/{id}", id).then().statusCode(403);
        as("commission-1", "commission").body(Fixtures.anAssessment(scheme, 8, 16).of(officialIn(unit)).body())
                .post(ASSESSMENTS).then().statusCode(403);
    }

    @Test
    void theListFiltersBySchemeUnitGradeAndStatus() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath unit = Fixtures.aUnit().under(district).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2031).create();
        JsonPath good = Fixtures.anAssessment(scheme, 8, 16).of(officialIn(unit)).create();
        JsonPath poor = Fixtures.anAssessment(scheme, 2, 4).of(officialIn(unit)).create();
        toNotice(good);

        asHr().queryParam("schemeId", scheme.getString("id")).queryParam("grade", "INCOMPETENT").get(ASSESSMENTS)
                .then().body("items.id", equalTo(List.of(poor.getString("id"))));
        asHr().queryParam("unitId", district.getString("id")).queryParam("includeSubunits", true)
                .queryParam("status", "PUBLIC_NOTICE").get(ASSESSMENTS)
                .then().body("items.id", equalTo(List.of(good.getString("id"))));
        asHr().queryParam("unitId", district.getString("id")).get(ASSESSMENTS).then().body("items", empty());
        asHr().queryParam("officialId", poor.getString("officialId")).queryParam("year", 2031)
                .queryParam("subjectType", "OFFICIAL").get(ASSESSMENTS)
                .then().body("items.id", equalTo(List.of(poor.getString("id"))));
    }

    @Test
    void thePublicSeesAssessmentsInNoticeButNeverDrafts() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2032).create();
        JsonPath draft = Fixtures.anAssessment(scheme, 6, 12).of(officialIn(unit)).create();
        JsonPath official = officialIn(unit);
        JsonPath inNotice = toNotice(Fixtures.anAssessment(scheme, 8, 16).of(official).create());

        JsonPath notices = anonymous().queryParam("year", 2032).queryParam("limit", 500)
                .get("/api/v1/public/assessment-notices").then().statusCode(200).extract().jsonPath();
        assertThat(notices.getList("items.id"), hasItem(inNotice.getString("id")));
        assertThat(notices.getList("items.id"), not(hasItem(draft.getString("id"))));
        String item = "items.find { it.id == '" + inNotice.getString("id") + "' }";
        assertThat(notices.getString(item + ".name"), equalTo(official.getString("name")));
        assertThat(notices.getString(item + ".unitName"), equalTo(unit.getString("name")));
        assertThat(notices.getString(item + ".grade"), equalTo("COMPETENT"));
        assertThat(notices.getDouble(item + ".totalScore"), equalTo(80.0));
        assertThat(notices.getString(item + ".noticeEnd"), equalTo(Fixtures.today().plusDays(4).toString()));

        List<String> results = anonymous().queryParam("year", 2032).queryParam("limit", 500)
                .get("/api/v1/public/assessment-results").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
        assertThat(results, not(hasItem(inNotice.getString("id"))));
        assertThat(results, not(hasItem(draft.getString("id"))));
    }
}
