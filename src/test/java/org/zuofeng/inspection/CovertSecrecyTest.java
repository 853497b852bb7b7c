package org.zuofeng.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.zuofeng.support.Api.as;

/**
 * A covert inspection, its findings and its evidence stay invisible to the inspected unit's officers until the
 * inspection is completed: not listed, not counted, 404 on direct access; and every read of them before that is on
 * record.
 */
@QuarkusTest
class CovertSecrecyTest {

    /** A covert visit to a street (where an officer works), with a finding and a photo, still in progress. */
    record Visit(JsonPath street, String officer, String lead, JsonPath inspection, JsonPath finding,
            String evidenceId) {
    }

    private static Visit covertVisit() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        String officer = Fixtures.uniqueCode("street-officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), street).create();
        String lead = Fixtures.uniqueCode("covert-lead");
        JsonPath inspection = Fixtures.anInspection("COVERT", street).lead(lead).started();
        JsonPath finding = Fixtures.aFinding(inspection, street).createAs(lead);
        byte[] photo = Media.jpeg(4096);
        String evidenceId = Api.uploadAs(lead, "image/jpeg", photo, "inspector")
                .post("/api/v1/findings/{id}/evidence", finding.getString("id")).then().statusCode(201)
                .extract().path("id");
        return new Visit(street, officer, lead, inspection, finding, evidenceId);
    }

    @Test
    void beforeCompletionTheTargetsOfficersFindNoTraceOfIt() {
        Visit visit = covertVisit();
        var officer = as(visit.officer(), "unit-officer");

        officer.queryParam("targetUnitId", visit.street().getString("id")).queryParam("count", true)
                .get("/api/v1/inspections").then()
                .statusCode(200)
                .body("items", empty())
                .body("totalCount", equalTo(0));
        as(visit.officer(), "unit-officer").get("/api/v1/inspections/{id}", visit.inspection().getString("id")).then()
                .statusCode(404);
        as(visit.officer(), "unit-officer").get("/api/v1/inspections/{id}/findings", visit.inspection().getString("id"))
                .then()
                .statusCode(404);
        as(visit.officer(), "unit-officer").queryParam("unitId", visit.street().getString("id"))
                .queryParam("count", true).get("/api/v1/findings").then()
                .statusCode(200)
                .body("items", empty())
                .body("totalCount", equalTo(0));
        as(visit.officer(), "unit-officer").get("/api/v1/findings/{id}", visit.finding().getString("id")).then()
                .statusCode(404);
        as(visit.officer(), "unit-officer").get("/api/v1/findings/{id}/evidence", visit.finding().getString("id"))
                .then()
                .statusCode(404);
        as(visit.officer(), "unit-officer").get("/api/v1/evidence/{id}", visit.evidenceId()).then()
                .statusCode(404);
        Api.downloadAs(visit.officer(), "unit-officer").get("/api/v1/evidence/{id}/content", visit.evidenceId())
                .then()
                .statusCode(404);
    }

    @Test
    void completionRevealsItToTheTarget() {
        Visit visit = covertVisit();
        JsonPath current = as(visit.lead(), "inspector").get("/api/v1/inspections/{id}",
                visit.inspection().getString("id")).then().extract().jsonPath();
        Fixtures.transition(as(visit.lead(), "inspector"), "/api/v1/inspections", current,
                Map.of("to", "COMPLETED", "summary", "暗访发现脱岗"));

        as(visit.officer(), "unit-officer").queryParam("targetUnitId", visit.street().getString("id"))
                .get("/api/v1/inspections").then()
                .body("items.id", contains(visit.inspection().getString("id")))
                .body("items[0].findingCount", equalTo(1));
        as(visit.officer(), "unit-officer").get("/api/v1/inspections/{id}", visit.inspection().getString("id")).then()
                .statusCode(200);
        as(visit.officer(), "unit-officer").get("/api/v1/inspections/{id}/findings", visit.inspection().getString("id"))
                .then()
                .body("items.id", contains(visit.finding().getString("id")));
        as(visit.officer(), "unit-officer").queryParam("unitId", visit.street().getString("id"))
                .get("/api/v1/findings").then()
                .body("items.id", contains(visit.finding().getString("id")));
        as(visit.officer(), "unit-officer").get("/api/v1/findings/{id}", visit.finding().getString("id")).then()
                .statusCode(200)
                .body("evidence.id", contains(visit.evidenceId()));
        as(visit.officer(), "unit-officer").get("/api/v1/evidence/{id}", visit.evidenceId()).then()
                .statusCode(200);
        Api.downloadAs(visit.officer(), "unit-officer").get("/api/v1/evidence/{id}/content", visit.evidenceId())
                .then()
                .statusCode(200);
    }

    @Test
    void aUnitOfficerSeesOnlyFindingsAboutUnitsInTheirScope() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath otherStreet = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        String officer = Fixtures.uniqueCode("officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), street).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", street, otherStreet).lead(lead).started();
        JsonPath mine = Fixtures.aFinding(inspection, street).createAs(lead);
        JsonPath theirs = Fixtures.aFinding(inspection, otherStreet).createAs(lead);

        as(officer, "unit-officer").get("/api/v1/inspections/{id}", inspection.getString("id")).then()
                .statusCode(200)
                .body("findingCount", equalTo(1));
        as(officer, "unit-officer").get("/api/v1/inspections/{id}/findings", inspection.getString("id")).then()
                .body("items.id", contains(mine.getString("id")));
        as(officer, "unit-officer").get("/api/v1/findings/{id}", theirs.getString("id")).then().statusCode(404);
        as("commission-1", "commission").get("/api/v1/inspections/{id}", inspection.getString("id")).then()
                .body("findingCount", equalTo(2));
    }

    @Test
    void everyReadOfACovertInspectionBeforeCompletionIsOnRecord() {
        Visit visit = covertVisit();
        String reader = Fixtures.uniqueCode("commission-reader");
        as(reader, "commission").get("/api/v1/inspections/{id}", visit.inspection().getString("id")).then()
                .statusCode(200);
        as(reader, "commission").queryParam("inspectionId", visit.inspection().getString("id"))
                .get("/api/v1/findings").then()
                .body("items", hasSize(1));
        as(reader, "commission").get("/api/v1/evidence/{id}", visit.evidenceId()).then().statusCode(200);
        Api.downloadAs(reader, "commission").get("/api/v1/evidence/{id}/content", visit.evidenceId()).then()
                .statusCode(200);

        as("auditor-1", "auditor").queryParam("actor", reader).queryParam("action", "READ_COVERT")
                .queryParam("sort", "occurredAt").get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items.entityType", contains("inspection", "finding", "evidence", "evidence"))
                .body("items.entityId", contains(visit.inspection().getString("id"),
                        visit.finding().getString("id"), visit.evidenceId(), visit.evidenceId()));
    }

    @Test
    void readingTheAuditImagesOfACovertInspectionBeforeCompletionIsOnRecordToo() {
        Visit visit = covertVisit();
        String auditor = Fixtures.uniqueCode("auditor");
        for (String id : new String[] {visit.inspection().getString("id"), visit.finding().getString("id"),
                visit.evidenceId()}) {
            as(auditor, "auditor").queryParam("entityId", id).queryParam("action", "CREATE")
                    .get("/api/v1/audit-events").then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].after", org.hamcrest.Matchers.notNullValue());
        }
        as("auditor-1", "auditor").queryParam("actor", auditor).queryParam("action", "READ_COVERT")
                .queryParam("sort", "occurredAt").get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items.entityType", contains("inspection", "finding", "evidence"))
                .body("items.entityId", contains(visit.inspection().getString("id"),
                        visit.finding().getString("id"), visit.evidenceId()));

        JsonPath current = as(visit.lead(), "inspector").get("/api/v1/inspections/{id}",
                visit.inspection().getString("id")).then().extract().jsonPath();
        Fixtures.transition(as(visit.lead(), "inspector"), "/api/v1/inspections", current,
                Map.of("to", "COMPLETED", "summary", "暗访结束"));
        String later = Fixtures.uniqueCode("auditor");
        as(later, "auditor").queryParam("entityId", visit.inspection().getString("id"))
                .get("/api/v1/audit-events").then().statusCode(200);
        as("auditor-1", "auditor").queryParam("actor", later).queryParam("action", "READ_COVERT")
                .get("/api/v1/audit-events").then()
                .body("items", empty());
    }

    @Test
    void readingTheHistoryOfCovertEvidenceBeforeCompletionIsOnRecord() {
        Visit visit = covertVisit();
        String reader = Fixtures.uniqueCode("commission-reader");
        as(reader, "commission").get("/api/v1/evidence/{id}/transitions", visit.evidenceId()).then()
                .statusCode(200);
        as("auditor-1", "auditor").queryParam("actor", reader).queryParam("action", "READ_COVERT")
                .get("/api/v1/audit-events").then()
                .body("items.entityId", contains(visit.evidenceId()));
    }

    @Test
    void hrAndMachineClientsSeeOnlyCompletedInspections() {
        Visit visit = covertVisit();
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath open = Fixtures.anInspection("OPEN", unit).lead("l").started();
        for (String role : new String[] {"hr", "integration"}) {
            as("reader", role).get("/api/v1/inspections/{id}", visit.inspection().getString("id")).then()
                    .statusCode(404);
            as("reader", role).get("/api/v1/inspections/{id}", open.getString("id")).then().statusCode(404);
        }
        as("auditor-1", "auditor").queryParam("targetUnitId", visit.street().getString("id"))
                .get("/api/v1/inspections").then()
                .body("items.id", containsInAnyOrder(visit.inspection().getString("id")));
    }
}
