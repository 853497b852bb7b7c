package org.zuofeng.clue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.zuofeng.clue.Reporting.REPORTS;
import static org.zuofeng.clue.Reporting.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;

/**
 * Handling a clue by the four ways of the rules: one member proposes, another decides (never the proposer), and the
 * handling is concluded with its outcome and what follows; a real-name reporter reads the result, an anonymous one
 * only that it is concluded.
 */
@QuarkusTest
@TestProfile(PublicReportTest.BehindAProxy.class)
class ClueHandlingTest {

    private static final String CLUES = "/api/v1/clues";
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(new Random().nextInt(200));

    private static String anAddress() {
        return "203.0.113." + (1 + NEXT_HOST.getAndIncrement() % 254);
    }

    /** The clue a new report about a new unit registered: its id and its version's ETag, with the receipt. */
    private record Reported(String receipt, JsonPath clue) {
    }

    private static Reported aReport(boolean realName) {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String title = "处置 " + Fixtures.uniqueCode("H");
        Map<String, Object> report = Reporting.about(unit.getString("code"), title);
        if (realName) {
            report.put("identity", Map.of("name", "赵六", "contact", "zhao@example.org"));
        }
        String receipt = Reporting.send(anAddress(), report);
        String id = as("commission-1", "commission").queryParam("unitId", unit.getString("id")).get(CLUES).then()
                .statusCode(200).extract().path("items[0].id");
        return new Reported(receipt, as("commission-1", "commission").get(CLUES + "/{id}", id).then()
                .statusCode(200).extract().jsonPath());
    }

    private static JsonPath step(String member, JsonPath clue, String step, Map<String, Object> body, int status) {
        return as(member, "commission").header("If-Match", "\"" + clue.getLong("version") + "\"").body(body)
                .post(CLUES + "/{id}/" + step, clue.getString("id")).then().statusCode(status).extract().jsonPath();
    }

    @Test
    void aProposalIsDecidedByAnotherMemberAndTheRealNameReporterReadsTheResult() {
        Reported reported = aReport(true);
        JsonPath proposed = step("commission-1", reported.clue(), "proposal",
                Map.of("way", "PRELIMINARY_VERIFICATION", "reason", "反映问题具体，可查。"), 200);
        JsonPath refused = step("commission-1", proposed, "decision", Map.of("approve", true, "reason", "同意"), 409);
        assertEquals("FOUR_EYES_REQUIRED", refused.getString("code"));
        from(anAddress()).body(Map.of("receipt", reported.receipt())).post(REPORTS + "/status").then()
                .statusCode(200).body("status", equalTo("ACCEPTED"));

        JsonPath approved = step("commission-2", proposed, "decision", Map.of("approve", true, "reason", "同意核实"),
                200);
        assertEquals("IN_HANDLING", approved.getString("status"));
        assertEquals("commission-1", approved.getString("handling.proposedBy"));
        assertEquals("commission-2", approved.getString("handling.approvedBy"));
        from(anAddress()).body(Map.of("receipt", reported.receipt())).post(REPORTS + "/status").then()
                .statusCode(200).body("status", equalTo("IN_HANDLING")).body("result", nullValue());

        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String inspection = Fixtures.anInspection("OPEN", unit).lead("lead-" + Fixtures.uniqueCode("L")).create()
                .getString("id");
        JsonPath concluded = step("commission-2", approved, "conclusion", Map.of("outcome", "FOUNDED",
                "conclusion", "反映属实，已安排专项检查。", "inspectionId", inspection), 200);
        assertEquals("CONCLUDED", concluded.getString("status"));
        assertEquals(inspection, concluded.getString("handling.inspectionId"));
        from(anAddress()).body(Map.of("receipt", reported.receipt())).post(REPORTS + "/status").then()
                .statusCode(200).body("status", equalTo("CONCLUDED")).body("result", equalTo("FOUNDED"));

        as("auditor-1", "auditor").queryParam("entityId", reported.clue().getString("id"))
                .queryParam("sort", "occurredAt").get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items.action", contains("CREATE", "PROPOSE", "APPROVE", "CONCLUDE"));
    }

    @Test
    void aRefusedProposalGoesBackAndAClosedClueIsDoneWithNoResultForAnAnonymousReporter() {
        Reported reported = aReport(false);
        JsonPath held = step("commission-1", reported.clue(), "proposal",
                Map.of("way", "HOLD", "reason", "线索不具体，暂存。"), 200);
        JsonPath back = step("commission-2", held, "decision", Map.of("approve", false, "reason", "应予了结"), 200);
        assertEquals("REGISTERED", back.getString("status"));
        JsonPath close = step("commission-2", back, "proposal", Map.of("way", "CLOSE", "reason", "无可查内容。"), 200);
        step("commission-2", close, "conclusion", Map.of("outcome", "UNFOUNDED", "conclusion", "-"), 409);
        JsonPath closed = step("commission-1", close, "decision", Map.of("approve", true, "reason", "同意了结"), 200);
        assertEquals("CONCLUDED", closed.getString("status"));
        step("commission-1", closed, "proposal", Map.of("way", "HOLD", "reason", "再议"), 409);
        from(anAddress()).body(Map.of("receipt", reported.receipt())).post(REPORTS + "/status").then()
                .statusCode(200).body("status", equalTo("CONCLUDED")).body("result", nullValue());
        as("auditor-1", "auditor").queryParam("entityId", reported.clue().getString("id"))
                .get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", hasItem("REFUSE"));
    }
}
