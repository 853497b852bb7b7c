package org.zuofeng.accountability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;

/**
 * The measures the law names: party discipline and government sanctions are disciplinary sanctions (党纪政纪处分);
 * the organisational measures are not; the measures that remove an official from post end their posts in the unit.
 */
@QuarkusTest
class StatutoryMeasuresTest {

    private static final String CASES = "/api/v1/accountability-cases";

    /** The decision's sanction flag, and the end dates of the official's posts in the unit (null: not ended). */
    record Decided(boolean sanction, List<String> postEnds) {
    }

    private static Decided decide(String measure) {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath official = Fixtures.anOfficial().create();
        Fixtures.aPost(official, unit).from(Fixtures.today().minusYears(1)).create();
        Map<String, Object> violation = new HashMap<>(Map.of("subjectOfficialId", official.getString("id"),
                "unitId", unit.getString("id"), "kind", "VIOLATION",
                "occurredOn", Fixtures.today().minusDays(20).toString(), "summary", "不作为"));
        String id = as("commission-1", "commission").body(violation).post(CASES).then().statusCode(201)
                .extract().path("id");
        JsonPath decided = as("commission-1", "commission").body(Map.of("measures", List.of(measure),
                        "decidedOn", Fixtures.today().toString(), "basis", "依据有关规定"))
                .post(CASES + "/{id}/decision", id).then().statusCode(201).extract().jsonPath();
        List<String> ends = as("hr-1", "hr").get("/api/v1/officials/{id}/posts", official.getString("id")).then()
                .statusCode(200).extract().jsonPath().getList("items.endDate", String.class);
        return new Decided(decided.getBoolean("decision.disciplinarySanction"), ends);
    }

    @Test
    void eachRungOfTheTwoLaddersIsASanctionAndTheOrganisationalMeasuresAreNot() {
        for (String measure : List.of("SERIOUS_PARTY_WARNING", "PARTY_PROBATION", "GOVERNMENT_WARNING",
                "MAJOR_DEMERIT", "DEMOTION_IN_GRADE")) {
            Decided decided = decide(measure);
            assertEquals(true, decided.sanction(), measure + " is a disciplinary sanction");
            assertEquals(java.util.Collections.singletonList(null), decided.postEnds(),
                    measure + " leaves the official in post");
        }
        Decided talk = decide("ADMONISHMENT_TALK");
        assertEquals(false, talk.sanction());
    }

    @Test
    void theMeasuresThatRemoveFromPostEndThePostOnTheDayOfTheDecision() {
        for (String measure : List.of("REMOVAL_FROM_OFFICE", "EXPULSION", "EXPULSION_FROM_PARTY",
                "ORDERED_RESIGNATION")) {
            Decided decided = decide(measure);
            assertEquals(List.of(Fixtures.today().toString()), decided.postEnds(),
                    measure + " ends the official's post in the unit on the day of the decision");
        }
        assertEquals(false, decide("ORDERED_RESIGNATION").sanction(), "责令辞职 is organisational, not a sanction");
    }
}
