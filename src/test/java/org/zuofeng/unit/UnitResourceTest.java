package org.zuofeng.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.EntityTag;
import org.zuofeng.support.Fixtures;

import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.zuofeng.support.Api.as;
import static org.zuofeng.support.Api.asHr;

/** The unit tree's rules, through the API. */
@QuarkusTest
class UnitResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void creatingAUnitAnswers201WithLocationEtagAndTheReadModel() {
        JsonPath district = Fixtures.aDistrict();
        var write = Fixtures.aUnit().under(district).named("区纪委监委").body();

        var response = asHr().body(write).post("/api/v1/units").then()
                .statusCode(201)
                .extract();
        JsonPath created = response.jsonPath();
        String id = created.getString("id");
        assertThat(response.header("Location"), endsWith("/api/v1/units/" + id));
        assertThat(response.header("ETag"), EntityTag.ofVersion(created.getLong("version")));

        asHr().get("/api/v1/units/{id}", id).then()
                .statusCode(200)
                .header("ETag", equalTo(response.header("ETag")))
                .body("code", equalTo(write.get("code")))
                .body("name", equalTo("区纪委监委"))
                .body("type", equalTo("AGENCY"))
                .body("status", equalTo("ACTIVE"))
                .body("parentId", equalTo(district.getString("id")))
                .body("path", contains(district.getString("id")))
                .body("createdBy", equalTo("hr-1"))
                .body("updatedBy", equalTo("hr-1"));
    }

    @Test
    void anotherSystemFindsAUnitByTheCodeItKnowsItBy() {
        JsonPath district = Fixtures.aDistrict();
        String code = Fixtures.uniqueCode("445202");
        JsonPath unit = Fixtures.aUnit().under(district).code(code).create();
        Fixtures.aUnit().under(district).code(code + "1").create();

        as("integration-1", "integration").queryParam("code", code).get("/api/v1/units").then()
                .statusCode(200)
                .body("items.id", contains(unit.getString("id")));
        as("integration-1", "integration").queryParam("code", "no-such-" + code).get("/api/v1/units").then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void onlyADistrictMayBeARoot() {
        asHr().body(Fixtures.aUnit().type("SUBDISTRICT").body()).post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].pointer", equalTo("/parentId"));
    }

    @Test
    void anUnknownParentIsAValidationProblemAtParentId() {
        var write = Fixtures.aUnit().body();
        write.put("parentId", "0194c4b6-5b1e-7000-8000-00000000beef");
        asHr().body(write).post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/parentId"))
                .body("errors[0].message", equalTo("unit not found"));
    }

    @Test
    void codesAreUniqueAmongAllUnits() {
        JsonPath district = Fixtures.aDistrict();
        asHr().body(Fixtures.aUnit().under(district).code(district.getString("code")).body())
                .post("/api/v1/units").then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("UNIT_CODE_TAKEN"));
    }

    @Test
    void movingAUnitUnderItselfIsAConflict() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        var write = writeOf(street);
        write.put("parentId", street.getString("id"));

        asHr().header("If-Match", etag(street)).body(write).put("/api/v1/units/{id}", street.getString("id"))
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("UNIT_CYCLE"));
    }

    @Test
    void movingAUnitIntoItsOwnSubtreeIsAConflict() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath village = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create();
        var write = writeOf(street);
        write.put("parentId", village.getString("id"));

        asHr().header("If-Match", etag(street)).body(write).put("/api/v1/units/{id}", street.getString("id"))
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("UNIT_CYCLE"));
    }

    @Test
    void movingAUnitCarriesItsWholeSubtree() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath oldStreet = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath newStreet = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath village = Fixtures.aUnit().under(oldStreet).type("VILLAGE_COMMITTEE").create();
        JsonPath group = Fixtures.aUnit().under(village).type("RESIDENTS_COMMITTEE").create();
        var write = writeOf(village);
        write.put("parentId", newStreet.getString("id"));

        asHr().header("If-Match", etag(village)).body(write).put("/api/v1/units/{id}", village.getString("id"))
                .then()
                .statusCode(200)
                .body("parentId", equalTo(newStreet.getString("id")))
                .body("path", contains(district.getString("id"), newStreet.getString("id")));
        asHr().get("/api/v1/units/{id}", group.getString("id")).then()
                .statusCode(200)
                .body("path", contains(district.getString("id"), newStreet.getString("id"),
                        village.getString("id")))
                .header("ETag", not(EntityTag.ofVersion(group.getLong("version"))));
        asHr().queryParam("ancestorId", oldStreet.getString("id")).get("/api/v1/units").then()
                .statusCode(200)
                .body("items.id", contains(oldStreet.getString("id")));
    }

    @Test
    void aUnitWithActiveSubunitsCannotBeDissolved() {
        JsonPath district = Fixtures.aDistrict();
        Fixtures.aUnit().under(district).create();

        asHr().header("If-Match", etag(district)).delete("/api/v1/units/{id}", district.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("UNIT_HAS_ACTIVE_CHILDREN"))
                .body("activeChildren", equalTo(1));
    }

    @Test
    void aDissolvedUnitStaysReadableButLeavesTheDefaultList() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath agency = Fixtures.aUnit().under(district).create();

        JsonPath dissolved = asHr().header("If-Match", etag(agency))
                .delete("/api/v1/units/{id}", agency.getString("id")).then()
                .statusCode(200)
                .body("status", equalTo("DISSOLVED"))
                .extract().jsonPath();

        asHr().get("/api/v1/units/{id}", agency.getString("id")).then()
                .statusCode(200)
                .body("status", equalTo("DISSOLVED"));
        asHr().queryParam("parentId", district.getString("id")).get("/api/v1/units").then()
                .body("items", empty());
        asHr().queryParam("parentId", district.getString("id")).queryParam("status", "DISSOLVED")
                .get("/api/v1/units").then()
                .body("items.id", contains(agency.getString("id")));
        // Dissolving again changes nothing.
        asHr().header("If-Match", etag(dissolved)).delete("/api/v1/units/{id}", agency.getString("id")).then()
                .statusCode(200)
                .body("version", equalTo(dissolved.getInt("version")));
        // Once its subunits are gone, the district itself can be dissolved.
        asHr().header("If-Match", etag(district)).delete("/api/v1/units/{id}", district.getString("id")).then()
                .statusCode(200)
                .body("status", equalTo("DISSOLVED"));
    }

    @Test
    void aDissolvedUnitCanNeitherChangeNorReceiveSubunits() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath agency = Fixtures.aUnit().under(district).create();
        JsonPath dissolved = asHr().header("If-Match", etag(agency))
                .delete("/api/v1/units/{id}", agency.getString("id")).then().extract().jsonPath();

        var rename = writeOf(dissolved);
        rename.put("name", "新名称");
        asHr().header("If-Match", etag(dissolved)).body(rename).put("/api/v1/units/{id}", agency.getString("id"))
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("UNIT_DISSOLVED"));
        asHr().body(Fixtures.aUnit().under(dissolved).body()).post("/api/v1/units").then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("UNIT_DISSOLVED"));
    }

    @Test
    void correctingAUnitBumpsItsVersionButAnUnchangedBodyDoesNot() {
        JsonPath agency = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        var write = writeOf(agency);

        asHr().header("If-Match", etag(agency)).body(write).put("/api/v1/units/{id}", agency.getString("id"))
                .then()
                .statusCode(200)
                .header("ETag", EntityTag.ofVersion(agency.getLong("version")));

        write.put("name", "改名后的单位");
        asHr().header("If-Match", etag(agency)).body(write).put("/api/v1/units/{id}", agency.getString("id"))
                .then()
                .statusCode(200)
                .body("name", equalTo("改名后的单位"))
                .body("version", equalTo(agency.getInt("version") + 1))
                .header("ETag", EntityTag.ofVersion(agency.getLong("version") + 1));
    }

    @Test
    void listFiltersByParentAncestorTypeAndText() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").named("东湖街道").create();
        JsonPath village = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").named("东湖村").create();
        JsonPath agency = Fixtures.aUnit().under(district).named("区财政局").create();

        asHr().queryParam("parentId", district.getString("id")).get("/api/v1/units").then()
                .body("items.id", containsInAnyOrder(street.getString("id"), agency.getString("id")));
        asHr().queryParam("ancestorId", street.getString("id")).get("/api/v1/units").then()
                .body("items.id", containsInAnyOrder(street.getString("id"), village.getString("id")));
        asHr().queryParam("ancestorId", district.getString("id")).queryParam("type", "VILLAGE_COMMITTEE,AGENCY").get("/api/v1/units").then()
                .body("items.id", containsInAnyOrder(village.getString("id"), agency.getString("id")));
        asHr().queryParam("ancestorId", district.getString("id")).queryParam("q", "东湖").get("/api/v1/units")
                .then()
                .body("items.name", contains("东湖村", "东湖街道"));
        asHr().queryParam("q", village.getString("code").toLowerCase()).get("/api/v1/units").then()
                .body("items.id", contains(village.getString("id")));
        asHr().queryParam("ancestorId", district.getString("id")).queryParam("q", "100%").get("/api/v1/units")
                .then()
                .body("items", empty());
    }

    @Test
    void everyRoleReadsUnitsButOnlyHrAndAdminWriteThem() {
        JsonPath district = Fixtures.aDistrict();
        // Unit officers read too, within their scope: see ScopeTest.
        for (String role : List.of("admin", "commission", "inspector", "hr", "auditor", "integration")) {
            as("reader", role).get("/api/v1/units/{id}", district.getString("id")).then().statusCode(200);
        }
        as("admin-2", "admin").body(Fixtures.aUnit().under(district).body()).post("/api/v1/units").then()
                .statusCode(201);
        for (String role : List.of("commission", "inspector", "unit-officer", "auditor", "integration")) {
            as("writer", role).body(Fixtures.aUnit().under(district).body()).post("/api/v1/units").then()
                    .statusCode(403)
                    .contentType(PROBLEM)
                    .body("code", equalTo("FORBIDDEN"));
        }
        asHr().queryParam("parentId", district.getString("id")).get("/api/v1/units").then()
                .body("items.createdBy", not(hasItem("writer")));
    }

    static Map<String, Object> writeOf(JsonPath unit) {
        var write = new java.util.HashMap<String, Object>();
        write.put("code", unit.getString("code"));
        write.put("name", unit.getString("name"));
        write.put("type", unit.getString("type"));
        if (unit.getString("parentId") != null) {
            write.put("parentId", unit.getString("parentId"));
        }
        return write;
    }

    static String etag(JsonPath resource) {
        return "\"" + resource.getLong("version") + "\"";
    }
}
