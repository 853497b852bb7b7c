package org.zuofeng.clue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.zuofeng.support.Api.as;

/**
 * What follows a clue: the commission links the units and officials it identifies; handling ends in an inspection
 * planned on it and an accountability case opened from it; and an official it proved unfounded against has their
 * name cleared in public (澄清正名), with nothing of the clue in the notice.
 */
@QuarkusTest
class ClueFollowUpTest {

    private static final String CLUES = "/api/v1/clues";
    private static final String CLARIFICATIONS = "/api/v1/public/clarifications";

    /** A clue of a higher commission about {@code unit} and {@code officials}, received today. */
    static JsonPath aClue(JsonPath unit, JsonPath... officials) {
        Map<String, Object> body = new HashMap<>(Map.of("source", "HIGHER_COMMISSION", "channel", "LETTER",
                "title", "交办线索 " + Fixtures.uniqueCode("C"), "summary", "上级纪委交办：群众反映办事推诿。",
                "receivedOn", Fixtures.today().toString(), "unitIds", List.of(unit.getString("id"))));
        body.put("officialIds", Arrays.stream(officials).map(o -> o.getString("id")).toList());
        return as("commission-1", "commission").body(body).post(CLUES).then().statusCode(201).extract()
                .jsonPath();
    }

    static JsonPath step(String member, JsonPath clue, String step, Map<String, Object> body) {
        return as(member, "commission").header("If-Match", "\"" + clue.getLong("version") + "\"").body(body)
                .post(CLUES + "/{id}/" + step, clue.getString("id")).then().statusCode(200).extract().jsonPath();
    }

    /** Proposed by one member, approved by another: in handling, or concluded for a close. */
    static JsonPath handled(JsonPath clue, String way) {
        JsonPath proposed = step("commission-1", clue, "proposal", Map.of("way", way, "reason", "依规处置"));
        return step("commission-2", proposed, "decision", Map.of("approve", true, "reason", "同意"));
    }

    @Test
    void theCommissionLinksTheUnitsAndOfficialsItIdentifiesAndAMemberTiedToThemIsRecusedFromThen() {
        JsonPath first = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath found = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath official = Fixtures.anOfficial().create();
        String member = Fixtures.uniqueCode("commission-member");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(member).create(), found).create();
        JsonPath clue = aClue(first);
        as(member, "commission").get(CLUES + "/{id}", clue.getString("id")).then().statusCode(200);

        Map<String, Object> subjects = Map.of("unitIds", List.of(first.getString("id"), found.getString("id")),
                "officialIds", List.of(official.getString("id")));
        Api.invalidAs("commission-1", "commission").body(subjects)
                .put(CLUES + "/{id}/subjects", clue.getString("id")).then().statusCode(428);
        as("commission-1", "commission").header("If-Match", "\"" + clue.getLong("version") + "\"")
                .body(Map.of("unitIds", List.of(UUID.randomUUID().toString()),
                        "officialIds", List.of(official.getString("id"), UUID.randomUUID().toString())))
                .put(CLUES + "/{id}/subjects", clue.getString("id")).then()
                .statusCode(400).body("errors.pointer", contains("/unitIds/0", "/officialIds/1"));
        JsonPath linked = as("commission-1", "commission")
                .header("If-Match", "\"" + clue.getLong("version") + "\"").body(subjects)
                .put(CLUES + "/{id}/subjects", clue.getString("id")).then()
                .statusCode(200).extract().jsonPath();

        assertEquals(Set.of(first.getString("id"), found.getString("id")), Set.copyOf(linked.getList("unitIds")));
        assertEquals(List.of(official.getString("id")), linked.getList("officialIds"));
        as(member, "commission").get(CLUES + "/{id}", clue.getString("id")).then().statusCode(404);
        as("commission-2", "commission").queryParam("unitId", found.getString("id")).get(CLUES).then()
                .statusCode(200).body("items.id", hasItem(clue.getString("id")));
        as("auditor-1", "auditor").queryParam("entityId", clue.getString("id")).queryParam("sort", "occurredAt")
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", contains("CREATE", "UPDATE"));
    }

    @Test
    void aClueBecomesAnInspectionAndAnAccountabilityCase() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath official = Fixtures.anOfficial().create();
        Fixtures.aPost(official, unit).from(Fixtures.today().minusYears(2)).create();
        JsonPath inHandling = handled(aClue(unit, official), "PRELIMINARY_VERIFICATION");
        String inspection = Fixtures.anInspection("OPEN", unit).lead(Fixtures.uniqueCode("lead")).create()
                .getString("id");
        Map<String, Object> violation = Map.of("subjectOfficialId", official.getString("id"),
                "unitId", unit.getString("id"), "kind", "VIOLATION",
                "occurredOn", Fixtures.today().minusDays(20).toString(), "summary", "线索核实属实：推诿不办");
        String caseId = as("commission-1", "commission").body(violation)
                .post("/api/v1/accountability-cases").then().statusCode(201).extract().path("id");

        as("commission-2", "commission").header("If-Match", "\"" + inHandling.getLong("version") + "\"")
                .body(Map.of("outcome", "FOUNDED", "conclusion", "-", "caseId", UUID.randomUUID().toString(),
                        "inspectionId", UUID.randomUUID().toString()))
                .post(CLUES + "/{id}/conclusion", inHandling.getString("id")).then()
                .statusCode(400).body("errors.pointer", contains("/inspectionId", "/caseId"));
        JsonPath concluded = step("commission-2", inHandling, "conclusion", Map.of("outcome", "FOUNDED",
                "conclusion", "经初步核实，反映问题属实：立案问责，并对该单位开展专项明查。",
                "inspectionId", inspection, "caseId", caseId));

        assertEquals("CONCLUDED", concluded.getString("status"));
        assertEquals(inspection, concluded.getString("handling.inspectionId"));
        assertEquals(caseId, concluded.getString("handling.caseId"));
    }

    @Test
    void anOfficialFalselyAccusedHasTheirNameClearedInPublicWithNothingOfTheClue() {
        JsonPath village = Fixtures.aUnit().under(Fixtures.aDistrict()).type("VILLAGE_COMMITTEE").create();
        JsonPath secretary = Fixtures.anOfficial().create();
        Fixtures.aPost(secretary, village).role("PRINCIPAL", "村党支部书记").from(Fixtures.today().minusYears(2))
                .create();
        JsonPath other = Fixtures.anOfficial().create();
        JsonPath clue = aClue(village, secretary);
        Map<String, Object> notice = new HashMap<>(Map.of("officialId", secretary.getString("id"),
                "unitId", village.getString("id"), "title", "关于为同志澄清正名的通报",
                "body", "经核实，反映该同志对群众诉求置之不理的问题不属实，现予澄清正名。"));

        clarify(clue, notice, 409);
        JsonPath inHandling = handled(clue, "TALK_OR_INQUIRY");
        JsonPath founded = step("commission-2", inHandling, "conclusion",
                Map.of("outcome", "FOUNDED", "conclusion", "属实"));
        clarify(founded, notice, 409);

        JsonPath unfounded = handled(aClue(village, secretary), "TALK_OR_INQUIRY");
        unfounded = step("commission-2", unfounded, "conclusion",
                Map.of("outcome", "UNFOUNDED", "conclusion", "经函询核实，反映不实。"));
        Map<String, Object> notHers = new HashMap<>(notice);
        notHers.put("officialId", other.getString("id"));
        clarify(unfounded, notHers, 400);
        as("unit-officer-x", "unit-officer").body(notice)
                .post(CLUES + "/{id}/clarifications", unfounded.getString("id")).then().statusCode(404);
        String location = as("commission-1", "commission").body(notice)
                .post(CLUES + "/{id}/clarifications", unfounded.getString("id")).then()
                .statusCode(201)
                .body("official.name", equalTo(secretary.getString("name")))
                .body("official.unitName", equalTo(village.getString("name")))
                .body("official.post", equalTo("村党支部书记"))
                .body("publishedOn", equalTo(Fixtures.today().toString()))
                .extract().header("Location");
        clarify(unfounded, notice, 409);

        String id = location.substring(location.lastIndexOf('/') + 1);
        String published = given().get(CLARIFICATIONS + "/{id}", id).then().statusCode(200)
                .body("title", equalTo("关于为同志澄清正名的通报")).extract().asString();
        assertFalse(published.contains(unfounded.getString("id"))
                || published.contains(unfounded.getString("number")), "nothing of the clue: " + published);
        given().queryParam("year", Fixtures.today().getYear()).get(CLARIFICATIONS).then().statusCode(200)
                .body("items.id", hasItem(id));
        given().queryParam("year", Fixtures.today().getYear() - 1).get(CLARIFICATIONS).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().get(CLARIFICATIONS + "/{id}", UUID.randomUUID()).then().statusCode(404);
        as("auditor-1", "auditor").queryParam("entityId", id).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", contains("CREATE"))
                .body("items[0].actor", equalTo("commission-1"));
    }

    private static void clarify(JsonPath clue, Map<String, Object> notice, int status) {
        as("commission-1", "commission").body(notice).post(CLUES + "/{id}/clarifications", clue.getString("id"))
                .then().statusCode(status);
    }
}
