package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.zuofeng.support.Api.asHr;

/** Idempotent replay and the audit trail of the packaged jar, observed through the API only. */
@QuarkusIntegrationTest
class PackagedIdempotencyAndAuditIT {

    @Test
    void aRetriedCreateIsReplayedAndTheAuditLogRecordsOneCreation() {
        JsonPath district = Fixtures.aDistrict();
        String key = UUID.randomUUID().toString();
        String body = "{\"code\":\"" + Fixtures.uniqueCode("IT") + "\",\"name\":\"打包测试\",\"type\":\"AGENCY\","
                + "\"parentId\":\"" + district.getString("id") + "\"}";
        String id = asHr().header("Idempotency-Key", key).body(body).post("/api/v1/units").then()
                .statusCode(201).extract().path("id");
        asHr().header("Idempotency-Key", key).body(body).post("/api/v1/units").then()
                .statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(id));
        asHr().header("Idempotency-Key", key).body(body.replace("打包测试", "另一个")).post("/api/v1/units").then()
                .statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        Api.as("auditor-1", "auditor").queryParam("entityId", id).get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items.action", contains("CREATE"))
                .body("items[0].actor", equalTo("hr-1"));
    }
}
