package org.zuofeng.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.zuofeng.support.Api.anonymous;
import static org.zuofeng.support.Api.as;
import static org.zuofeng.support.Api.asHr;

/**
 * Village cadres' public reviews: the vote yields the grade on the spot, and a second consecutive 不称职 ends the
 * cadre's two-committees posts with a recorded decision.
 */
@QuarkusTest
class VillageReviewTest {

    private static final String ASSESSMENTS = AssessmentResourceTest.ASSESSMENTS;
    private static final String CASES = "/api/v1/accountability-cases";

    /** A village committee with its party secretary (the principal) and a two-committees member. */
    record Village(JsonPath unit, JsonPath secretary, JsonPath cadre, String cadrePostId) {
    }

    private static Village village() {
        JsonPath street = Fixtures.aUnit().under(Fixtures.aDistrict()).type("SUBDISTRICT").create();
        JsonPath unit = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create();
        JsonPath secretary = Fixtures.anOfficial().named("村党支部书记").create();
        Fixtures.aPost(secretary, unit).role("PRINCIPAL", "村党支部书记").create();
        JsonPath cadre = Fixtures.anOfficial().named("村委会委员").create();
        String postId = Fixtures.aPost(cadre, unit).role("TWO_COMMITTEES_MEMBER", "村委会委员").create()
                .getString("id");
        return new Village(unit, secretary, cadre, postId);
    }

    /** The cadre's review under a village scheme of {@code year}, made final on the spot. */
    private static JsonPath finalReview(JsonPath cadre, int year, int competent, int incompetent) {
        JsonPath scheme = Fixtures.aScheme("VILLAGE_CADRE", year).create();
        JsonPath draft = Fixtures.anAssessment(scheme, 8, 16).of(cadre).votes(100, 0, competent, 0, incompetent)
                .create();
        return Fixtures.transition(asHr(), ASSESSMENTS, draft, Map.of("to", "FINAL"));
    }

    @Test
    void theVoteYieldsTheGradeAndTheReviewIsFinalOnTheSpot() {
        Village village = village();
        JsonPath scheme = Fixtures.aScheme("VILLAGE_CADRE", 2033).create();
        // 35 valid votes, 10 INCOMPETENT: 10 × 3 = 30 < 35, so the most votes win: COMPETENT
        JsonPath draft = Fixtures.anAssessment(scheme, 8, 16).of(village.cadre()).votes(40, 10, 15, 0, 10).create();
        assertThat(draft.getString("grade"), equalTo("COMPETENT"));
        assertThat(draft.getString("publicReview.diligenceReport"), equalTo("一年来，……"));

        JsonPath announced = Fixtures.transition(asHr(), ASSESSMENTS, draft, Map.of("to", "FINAL"));

        assertThat(announced.getString("status"), equalTo("FINAL"));
        assertThat(announced.get("noticeStart"), nullValue());
        assertThat(announced.get("terminationCaseId"), nullValue());
        String result = "items.find { it.id == '" + draft.getString("id") + "' }";
        JsonPath results = anonymous().queryParam("year", 2033).queryParam("limit", 500)
                .get("/api/v1/public/assessment-results").then().statusCode(200).extract().jsonPath();
        assertThat(results.getString(result + ".name"), equalTo("村委会委员"));
        assertThat(results.getString(result + ".postTitle"), equalTo("村委会委员"));
        assertThat(results.getString(result + ".unitName"), equalTo(village.unit().getString("name")));
        assertThat(results.getString(result + ".grade"), equalTo("COMPETENT"));
        assertThat(results.getInt(result + ".year"), equalTo(2033));
    }

    @Test
    void exactlyOneThirdIncompetentVotesMakesTheCadreIncompetent() {
        Village village = village();
        JsonPath scheme = Fixtures.aScheme("VILLAGE_CADRE", 2033).create();
        // 30 valid votes, 10 INCOMPETENT: 10 × 3 = 30 ≥ 1 × 30, exactly one third
        JsonPath draft = Fixtures.anAssessment(scheme, 8, 16).of(village.cadre()).votes(40, 5, 15, 0, 10).create();
        assertThat(draft.getString("grade"), equalTo("INCOMPETENT"));

        // one more COMPETENT vote and 10 of 31 is under a third
        JsonPath corrected = asHr().header("If-Match", "\"" + draft.getLong("version") + "\"")
                .body(Fixtures.anAssessment(scheme, 8, 16).of(village.cadre()).votes(40, 5, 16, 0, 10).body())
                .put(ASSESSMENTS + "/{id}", draft.getString("id")).then().statusCode(200).extract().jsonPath();
        assertThat(corrected.getString("grade"), equalTo("COMPETENT"));
    }

    @Test
    void votesCannotOutnumberThoseAttending() {
        Village village = village();
        JsonPath scheme = Fixtures.aScheme("VILLAGE_CADRE", 2033).create();
        asHr().body(Fixtures.anAssessment(scheme, 8, 16).of(village.cadre()).votes(20, 5, 10, 0, 6).body())
                .post(ASSESSMENTS).then()
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/publicReview/votes")))
                .body("errors[0].message", equalTo("more ballots than people attending"));
    }

    @Test
    void aReviewWithoutVotesHasNoGradeAndCannotBeFinal() {
        Village village = village();
        JsonPath scheme = Fixtures.aScheme("VILLAGE_CADRE", 2033).create();
        JsonPath draft = Fixtures.anAssessment(scheme, 8, 16).of(village.cadre()).create();
        assertThat(draft.get("grade"), nullValue());
        asHr().header("If-Match", "\"" + draft.getLong("version") + "\"").body(Map.of("to", "FINAL"))
                .post(ASSESSMENTS + "/{id}/transitions", draft.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("VOTES_MISSING"));
        asHr().header("If-Match", "\"" + draft.getLong("version") + "\"").body(Map.of("to", "PUBLIC_NOTICE"))
                .post(ASSESSMENTS + "/{id}/transitions", draft.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"))
                .body("allowedTargets", equalTo(List.of("FINAL")));
    }

    @Test
    void onlyVillageCadresHaveAPublicReview() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2033).create();
        asHr().body(Fixtures.anAssessment(scheme, 8, 16).of(AssessmentResourceTest.officialIn(unit))
                        .votes(40, 10, 20, 0, 0).body())
                .post(ASSESSMENTS).then()
                .statusCode(400)
                .body("errors.pointer", equalTo(List.of("/publicReview")));
    }

    @Test
    void aSecondConsecutiveIncompetentEndsTheTwoCommitteesPostWithADecidedCase() {
        Village village = village();
        JsonPath other = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Fixtures.aPost(village.cadre(), other).role("STAFF", "协管员").from(Fixtures.today().minusMonths(6)).create();
        String cadreId = village.cadre().getString("id");

        JsonPath first = finalReview(village.cadre(), 2028, 20, 20);
        assertThat(first.getString("grade"), equalTo("INCOMPETENT"));
        assertThat(first.get("terminationCaseId"), nullValue());
        as("commission-1", "commission").queryParam("subjectOfficialId", cadreId).get(CASES).then()
                .body("items", hasSize(0));

        JsonPath second = finalReview(village.cadre(), 2029, 25, 15);

        assertThat(second.getString("grade"), equalTo("INCOMPETENT"));
        String caseId = second.getString("terminationCaseId");
        assertThat(caseId, notNullValue());
        JsonPath decided = as("commission-1", "commission").get(CASES + "/{id}", caseId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(decided.getString("kind"), equalTo("VIOLATION"));
        assertThat(decided.getString("status"), equalTo("DECIDED"));
        assertThat(decided.getString("subjectOfficialId"), equalTo(cadreId));
        assertThat(decided.getList("decision.measures"), equalTo(List.of("TERMINATION_OF_POST")));
        assertThat(decided.getString("decision.decidedOn"), equalTo(Fixtures.today().toString()));
        assertThat(decided.getList("sourceAssessmentIds"), containsInAnyOrder(first.getString("id"),
                second.getString("id")));
        assertThat(decided.getList("linkedCases.subjectName"), equalTo(List.of("村党支部书记")));
        assertThat(decided.getList("linkedCases.status"), everyItem(equalTo("WAIVED")));
        as("commission-1", "commission").get(CASES + "/{id}/transitions", decided.getString("linkedCaseIds[0]"))
                .then().body("items[0].note", equalTo("termination by public review"));

        JsonPath posts = asHr().get("/api/v1/officials/{id}/posts", cadreId).then().extract().jsonPath();
        String twoCommittees = "items.find { it.id == '" + village.cadrePostId() + "' }";
        assertThat(posts.getString(twoCommittees + ".endDate"), equalTo(Fixtures.today().toString()));
        assertThat(posts.get("items.find { it.title == '协管员' }.endDate"), nullValue());
        as("commission-1", "commission").queryParam("subjectOfficialId", cadreId).get(CASES).then()
                .body("items.id", equalTo(List.of(caseId)));
    }

    @Test
    void theRunIsCompleteWhicheverOfTheTwoYearsBecomesFinalLast() {
        Village village = village();
        String cadreId = village.cadre().getString("id");
        JsonPath thisYear = finalReview(village.cadre(), 2035, 20, 20);
        assertThat(thisYear.get("terminationCaseId"), nullValue());

        JsonPath lastYearLate = finalReview(village.cadre(), 2034, 20, 20);

        String caseId = lastYearLate.getString("terminationCaseId");
        assertThat(caseId, notNullValue());
        JsonPath decided = as("commission-1", "commission").get(CASES + "/{id}", caseId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(decided.getList("decision.measures"), equalTo(List.of("TERMINATION_OF_POST")));
        assertThat(decided.getList("sourceAssessmentIds"), containsInAnyOrder(lastYearLate.getString("id"),
                thisYear.getString("id")));
        asHr().get("/api/v1/officials/{id}/posts", cadreId).then()
                .body("items.find { it.id == '" + village.cadrePostId() + "' }.endDate",
                        equalTo(Fixtures.today().toString()));
    }

    @Test
    void aMiddleYearMadeFinalLastRecordsOneCaseForItsRun() {
        Village village = village();
        finalReview(village.cadre(), 2036, 20, 20);
        finalReview(village.cadre(), 2038, 20, 20);

        JsonPath middle = finalReview(village.cadre(), 2037, 20, 20);

        as("commission-1", "commission").queryParam("subjectOfficialId", village.cadre().getString("id"))
                .get(CASES).then()
                .body("items.id", equalTo(List.of(middle.getString("terminationCaseId"))));
    }

    @Test
    void replayingTheFinalStepRecordsNothingMore() {
        Village village = village();
        finalReview(village.cadre(), 2028, 20, 20);
        JsonPath scheme = Fixtures.aScheme("VILLAGE_CADRE", 2029).create();
        JsonPath draft = Fixtures.anAssessment(scheme, 8, 16).of(village.cadre()).votes(40, 0, 20, 0, 20).create();
        String key = UUID.randomUUID().toString();

        JsonPath made = asHr().header("If-Match", "\"" + draft.getLong("version") + "\"")
                .header("Idempotency-Key", key).body(Map.of("to", "FINAL"))
                .post(ASSESSMENTS + "/{id}/transitions", draft.getString("id")).then().statusCode(200).extract()
                .jsonPath();
        asHr().header("If-Match", "\"" + draft.getLong("version") + "\"")
                .header("Idempotency-Key", key).body(Map.of("to", "FINAL"))
                .post(ASSESSMENTS + "/{id}/transitions", draft.getString("id")).then()
                .statusCode(200)
                .header("Idempotency-Replayed", "true")
                .body("terminationCaseId", equalTo(made.getString("terminationCaseId")));
        asHr().header("If-Match", "\"" + made.getLong("version") + "\"").body(Map.of("to", "FINAL"))
                .post(ASSESSMENTS + "/{id}/transitions", draft.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));

        as("commission-1", "commission").queryParam("subjectOfficialId", village.cadre().getString("id"))
                .get(CASES).then()
                .body("items.id", equalTo(List.of(made.getString("terminationCaseId"))));
    }

    @Test
    void incompetentYearsThatAreNotConsecutiveEndNothing() {
        Village village = village();
        finalReview(village.cadre(), 2026, 20, 20);
        JsonPath later = finalReview(village.cadre(), 2028, 20, 20);

        assertThat(later.getString("grade"), equalTo("INCOMPETENT"));
        assertThat(later.get("terminationCaseId"), nullValue());
        asHr().get("/api/v1/officials/{id}/posts", village.cadre().getString("id")).then()
                .body("items.endDate", everyItem(nullValue()));
        as("commission-1", "commission").queryParam("subjectOfficialId", village.cadre().getString("id"))
                .get(CASES).then().body("items", hasSize(0));
    }

    @Test
    void aCompetentYearBetweenBreaksTheRun() {
        Village village = village();
        finalReview(village.cadre(), 2026, 20, 20);
        finalReview(village.cadre(), 2027, 30, 10);
        JsonPath third = finalReview(village.cadre(), 2028, 20, 20);
        assertThat(third.get("terminationCaseId"), nullValue());
    }

    /**
     * Two consecutive years' reviews made final at the same moment: each transaction alone sees the other year still
     * in draft, so the rule must be serialised per official. Exactly one termination, every time.
     */
    @Test
    void twoIncompetentReviewsMadeFinalAtTheSameMomentTerminateExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                Village village = village();
                List<JsonPath> drafts = new ArrayList<>();
                for (int year : new int[] {2070 + round * 2, 2071 + round * 2}) {
                    JsonPath scheme = Fixtures.aScheme("VILLAGE_CADRE", year).create();
                    drafts.add(Fixtures.anAssessment(scheme, 8, 16).of(village.cadre()).votes(100, 0, 40, 0, 60)
                            .create());
                }
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                for (JsonPath draft : drafts) {
                    answers.add(pool.submit(() -> {
                        var request = asHr().header("If-Match", "\"" + draft.getLong("version") + "\"")
                                .body(Map.of("to", "FINAL"));
                        together.await();
                        return request.post(ASSESSMENTS + "/{id}/transitions", draft.getString("id")).then()
                                .extract().statusCode();
                    }));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get(), equalTo(200));
                }
                List<String> terminations = new ArrayList<>();
                for (JsonPath draft : drafts) {
                    String caseId = asHr().get(ASSESSMENTS + "/{id}", draft.getString("id")).then().statusCode(200)
                            .extract().path("terminationCaseId");
                    if (caseId != null) {
                        terminations.add(caseId);
                    }
                }
                assertThat("round " + round + ": one assessment carries the termination", terminations, hasSize(1));
                as("commission-1", "commission").queryParam("subjectOfficialId", village.cadre().getString("id"))
                        .queryParam("kind", "VIOLATION").get(CASES).then()
                        .statusCode(200)
                        .body("items.id", equalTo(terminations));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
