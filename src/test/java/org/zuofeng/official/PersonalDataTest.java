package org.zuofeng.official;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;

import java.util.List;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** ID numbers and phones: unmasked only for admin, hr and commission, every such showing on record. */
@QuarkusTest
class PersonalDataTest {

    @Test
    void idNumbersAndPhonesAreMaskedForEveryoneElse() {
        JsonPath official = Fixtures.anOfficial().create();
        String id = official.getString("idNumber");
        String phone = official.getString("phone");
        String maskedId = id.substring(0, 6) + "********" + id.substring(14);
        String maskedPhone = phone.substring(0, 3) + "****" + phone.substring(7);

        for (String role : List.of("admin", "hr", "commission")) {
            Api.as("reader", role).get("/api/v1/officials/{id}", official.getString("id")).then()
                    .statusCode(200)
                    .body("idNumber", equalTo(id))
                    .body("phone", equalTo(phone));
        }
        for (String role : List.of("inspector", "auditor", "integration")) {
            Api.as("reader", role).get("/api/v1/officials/{id}", official.getString("id")).then()
                    .statusCode(200)
                    .body("idNumber", equalTo(maskedId))
                    .body("phone", equalTo(maskedPhone));
            Api.as("reader", role).queryParam("q", official.getString("name")).get("/api/v1/officials").then()
                    .body("items[0].idNumber", equalTo(maskedId));
        }
    }

    @Test
    void auditImagesMaskPersonalDataWhoeverReadsThem() {
        JsonPath official = Fixtures.anOfficial().create();
        String id = official.getString("idNumber");
        Api.as("admin-1", "admin").queryParam("entityId", official.getString("id")).queryParam("action", "CREATE")
                .get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items[0].after.idNumber", equalTo(id.substring(0, 6) + "********" + id.substring(14)))
                .body("items[0].after.phone", equalTo(official.getString("phone").substring(0, 3) + "****"
                        + official.getString("phone").substring(7)))
                .body("items[0].after.name", equalTo(official.getString("name")));
    }

    @Test
    void everyUnmaskedShowingIsRecordedAsOneReadPerRequest() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath unit = Fixtures.aUnit().under(district).create();
        JsonPath first = Fixtures.anOfficial().create();
        JsonPath second = Fixtures.anOfficial().create();
        Fixtures.aPost(first, unit).create();
        Fixtures.aPost(second, unit).create();
        String reader = Fixtures.uniqueCode("commission-reader");

        Api.as(reader, "commission").get("/api/v1/officials/{id}", first.getString("id")).then().statusCode(200);
        Api.as(reader, "commission").queryParam("unitId", unit.getString("id")).get("/api/v1/officials").then()
                .body("items", hasSize(2));

        Api.as("auditor-1", "auditor").queryParam("actor", reader).queryParam("action", "READ_PERSONAL_DATA")
                .queryParam("sort", "occurredAt").get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].entityType", equalTo("official"))
                .body("items[0].entityId", equalTo(first.getString("id")))
                .body("items[0].entityIds", containsInAnyOrder(first.getString("id")))
                .body("items[1].entityId", nullValue())
                .body("items[1].entityIds", containsInAnyOrder(first.getString("id"), second.getString("id")));
        // "Who has seen this official's personal data?" finds both reads.
        Api.as("auditor-1", "auditor").queryParam("entityId", second.getString("id"))
                .queryParam("action", "READ_PERSONAL_DATA").queryParam("actor", reader)
                .get("/api/v1/audit-events").then()
                .body("items", hasSize(1));
    }

    @Test
    void theAnswerToAWriteShowsPersonalDataTooAndIsRecordedAsARead() {
        String writer = Fixtures.uniqueCode("hr-writer");
        String id = Api.as(writer, "hr").body(Fixtures.anOfficial().body()).post("/api/v1/officials").then()
                .statusCode(201).extract().path("id");
        Api.as("auditor-1", "auditor").queryParam("actor", writer).queryParam("sort", "occurredAt")
                .get("/api/v1/audit-events").then()
                .body("items.action", org.hamcrest.Matchers.contains("CREATE", "READ_PERSONAL_DATA"))
                .body("items.entityId", org.hamcrest.Matchers.everyItem(equalTo(id)));
    }

    @Test
    void maskedShowingsAreNotRecordedAsReads() {
        JsonPath official = Fixtures.anOfficial().create();
        String reader = Fixtures.uniqueCode("inspector-reader");
        Api.as(reader, "inspector").get("/api/v1/officials/{id}", official.getString("id")).then().statusCode(200);
        Api.as("auditor-1", "auditor").queryParam("actor", reader).get("/api/v1/audit-events").then()
                .body("items", empty());
    }
}
