package org.zuofeng.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.zuofeng.support.Api.asHr;

/** Every change is attributable, and the audit log cannot be rewritten, by anyone. */
@QuarkusTest
class AuditTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyWriteAppendsAnAuditEventWithWhoWhenBeforeAndAfter() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath other = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        String id = street.getString("id");

        Map<String, Object> write = new HashMap<>();
        write.put("code", street.getString("code"));
        write.put("name", "改名街道");
        write.put("type", "SUBDISTRICT");
        write.put("parentId", district.getString("id"));
        JsonPath renamed = asHr().header("If-Match", "\"" + street.getLong("version") + "\"")
                .header("X-Request-Id", "audit-rename-1").body(write)
                .put("/api/v1/units/{id}", id).then().statusCode(200).extract().jsonPath();
        write.put("parentId", other.getString("id"));
        JsonPath moved = asHr().header("If-Match", "\"" + renamed.getLong("version") + "\"").body(write)
                .put("/api/v1/units/{id}", id).then().statusCode(200).extract().jsonPath();
        asHr().header("If-Match", "\"" + moved.getLong("version") + "\"").delete("/api/v1/units/{id}", id).then()
                .statusCode(200);

        Api.as("auditor-1", "auditor").queryParam("entityType", "unit").queryParam("entityId", id)
                .queryParam("sort", "occurredAt").get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items.action", contains("CREATE", "UPDATE", "MOVE", "DISSOLVE"))
                .body("items.actor", everyItem(equalTo("hr-1")))
                .body("items.entityId", everyItem(equalTo(id)))
                .body("items.occurredAt", everyItem(notNullValue()))
                .body("items.traceId", everyItem(notNullValue()))
                .body("items[0].before", nullValue())
                .body("items[0].after.name", equalTo(street.getString("name")))
                .body("items[1].before.name", equalTo(street.getString("name")))
                .body("items[1].after.name", equalTo("改名街道"))
                .body("items[1].clientRequestId", equalTo("audit-rename-1"))
                .body("items[1].requestId", org.hamcrest.Matchers.not(equalTo("audit-rename-1")))
                .body("items[2].before.parentId", equalTo(district.getString("id")))
                .body("items[2].after.parentId", equalTo(other.getString("id")))
                .body("items[3].after.status", equalTo("DISSOLVED"));
    }

    @Test
    void aClientCannotFileItsWritesUnderAnotherRequestsId() {
        JsonPath district = Fixtures.aDistrict();
        String reused = "commission-req-7";
        List<String> requestIds = new ArrayList<>();
        for (String writer : List.of("hr-1", "hr-2")) {
            String unitId = Api.as(writer, "hr").header("X-Request-Id", reused)
                    .body(Fixtures.aUnit().under(district).body()).post("/api/v1/units").then()
                    .statusCode(201)
                    .header("X-Request-Id", reused)
                    .extract().path("id");
            JsonPath event = Api.as("auditor-1", "auditor").queryParam("entityId", unitId)
                    .queryParam("action", "CREATE").get("/api/v1/audit-events").then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].clientRequestId", equalTo(reused))
                    .extract().jsonPath();
            requestIds.add(event.getString("items[0].requestId"));
        }
        assertFalse(requestIds.contains(reused), "the audit's request id is made by the server");
        assertEquals(2, Set.copyOf(requestIds).size(), "each write has its own request id: " + requestIds);
    }

    @Test
    void theAuditLogFiltersByActorAndAction() {
        JsonPath district = Api.as("hr-audit-filter", "hr")
                .body(Fixtures.aUnit().type("DISTRICT").body()).post("/api/v1/units").then().statusCode(201)
                .extract().jsonPath();
        Api.as("admin-1", "admin").queryParam("actor", "hr-audit-filter").queryParam("action", "CREATE")
                .queryParam("count", true).get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("totalCount", equalTo(1))
                .body("items", hasSize(1))
                .body("items[0].entityId", equalTo(district.getString("id")));
    }

    @Test
    void onlyAdminsAndAuditorsReadTheAuditLog() {
        for (String role : new String[] {"commission", "inspector", "hr", "unit-officer", "integration"}) {
            Api.as("someone", role).get("/api/v1/audit-events").then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateAuditEvents() throws SQLException {
        Fixtures.aDistrict();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> sql.executeUpdate("update audit_events set actor = 'someone-else'"));
            org.hamcrest.MatcherAssert.assertThat(update.getMessage(), containsString("append-only"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("delete from audit_events"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("truncate audit_events"));
        }
    }

    @Test
    void theDatabaseRefusesToRewriteTransitionHistoryToo() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("insert into transitions (id, entity_type, entity_id, from_status, to_status, actor,"
                    + " occurred_at) values (gen_random_uuid(), 'test', gen_random_uuid(), 'A', 'B', 'x', now())");
            SQLException update = assertThrows(SQLException.class,
                    () -> sql.executeUpdate("update transitions set note = 'rewritten'"));
            org.hamcrest.MatcherAssert.assertThat(update.getMessage(), containsString("append-only"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("delete from transitions"));
        }
    }
}
