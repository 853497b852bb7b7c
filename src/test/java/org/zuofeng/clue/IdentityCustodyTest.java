package org.zuofeng.clue;

import io.quarkus.test.junit.QuarkusTest;
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
import static org.zuofeng.support.Api.as;

/**
 * A real-name reporter's identity is read only by the commission member whose request, with a reason, a custodian
 * approved; the custodian is never the one who asked; every request, decision and reading is on the audit record,
 * and everyone else sees only that the report is under a name.
 */
@QuarkusTest
@TestProfile(PublicReportTest.BehindAProxy.class)
class IdentityCustodyTest {

    private static final String REQUESTS = "/api/v1/identity-requests";
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(new Random().nextInt(200));

    /** A clue registered from a report under the name 钱七; its id. */
    private static String aRealNameClue() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Map<String, Object> report = Reporting.about(unit.getString("code"), "实名举报 " + Fixtures.uniqueCode("I"));
        report.put("identity", Map.of("name", "钱七", "contact", "13900001111"));
        Reporting.send("198.18.0." + (1 + NEXT_HOST.getAndIncrement() % 254), report);
        return as("commission-1", "commission").queryParam("unitId", unit.getString("id")).get("/api/v1/clues")
                .then().statusCode(200).body("items[0].report.realName", equalTo(true)).extract().path("items[0].id");
    }

    private static JsonPath decide(String custodian, JsonPath request, boolean approve, int status) {
        return as(custodian, "custodian").header("If-Match", "\"" + request.getLong("version") + "\"")
                .body(Map.of("approve", approve, "reason", approve ? "核实需要，同意" : "理由不足"))
                .post(REQUESTS + "/{id}/decision", request.getString("id")).then().statusCode(status)
                .extract().jsonPath();
    }

    @Test
    void theIdentityIsReadOnlyByTheRequesterAfterACustodiansApprovalAndEachReadingIsRecorded() {
        String clueId = aRealNameClue();
        JsonPath request = as("commission-1", "commission").body(Map.of("reason", "需当面核实举报细节"))
                .post("/api/v1/clues/{id}/identity-requests", clueId).then()
                .statusCode(201).body("status", equalTo("PENDING")).extract().jsonPath();
        String id = request.getString("id");

        as("commission-1", "commission").get(REQUESTS + "/{id}/identity", id).then()
                .statusCode(409);
        as("custodian-1", "custodian").get(REQUESTS).then()
                .statusCode(200).body("items.id", hasItem(id));
        as("commission-1", "commission").header("If-Match", "\"" + request.getLong("version") + "\"")
                .body(Map.of("approve", true, "reason", "自批")).post(REQUESTS + "/{id}/decision", id).then()
                .statusCode(403);

        JsonPath approved = decide("custodian-1", request, true, 200);
        as("commission-1", "commission").get(REQUESTS + "/{id}/identity", id).then()
                .statusCode(200).body("name", equalTo("钱七")).body("contact", equalTo("13900001111"));
        as("commission-2", "commission").get(REQUESTS + "/{id}/identity", id).then().statusCode(404);
        as("custodian-1", "custodian").get(REQUESTS + "/{id}/identity", id).then().statusCode(404);
        decide("custodian-2", approved, false, 409);

        as("auditor-1", "auditor").queryParam("entityId", id).queryParam("sort", "occurredAt")
                .get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", contains("CREATE", "APPROVE"));
        as("auditor-1", "auditor").queryParam("entityId", clueId).queryParam("action", "READ_REPORTER_IDENTITY")
                .get("/api/v1/audit-events").then()
                .statusCode(200).body("items.actor", contains("commission-1"));
    }

    @Test
    void aRefusedRequestOpensNothingAndAnonymousReportsHaveNoIdentityToAskFor() {
        String clueId = aRealNameClue();
        JsonPath request = as("commission-2", "commission").body(Map.of("reason", "好奇"))
                .post("/api/v1/clues/{id}/identity-requests", clueId).then().statusCode(201).extract().jsonPath();
        decide("custodian-1", request, false, 200);
        as("commission-2", "commission").get(REQUESTS + "/{id}/identity", request.getString("id")).then()
                .statusCode(409);

        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Reporting.send("198.18.1." + (1 + NEXT_HOST.getAndIncrement() % 254),
                Reporting.about(unit.getString("code"), "匿名"));
        String anonymous = as("commission-1", "commission").queryParam("unitId", unit.getString("id"))
                .get("/api/v1/clues").then().statusCode(200).extract().path("items[0].id");
        as("commission-1", "commission").body(Map.of("reason", "?"))
                .post("/api/v1/clues/{id}/identity-requests", anonymous).then().statusCode(409);
        as("officer-1", "unit-officer").get(REQUESTS + "/{id}", request.getString("id")).then().statusCode(404);
    }
}
