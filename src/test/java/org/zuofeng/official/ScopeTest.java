package org.zuofeng.official;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A unit officer sees exactly the units where their official holds a post today, and what lies below them. */
@QuarkusTest
class ScopeTest {

    private static final String PROBLEM = "application/problem+json";

    /** A district with two sub-districts, one village under the first, and an officer posted to the first. */
    record Tree(JsonPath district, JsonPath street, JsonPath village, JsonPath otherStreet, JsonPath officer,
            String subject) {
    }

    private static Tree tree() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath village = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create();
        JsonPath otherStreet = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        String subject = Fixtures.uniqueCode("officer");
        JsonPath officer = Fixtures.anOfficial().named("街道干部").linkedTo(subject).create();
        Fixtures.aPost(officer, street).create();
        return new Tree(district, street, village, otherStreet, officer, subject);
    }

    @Test
    void anOfficialInScopeShowsAUnitOfficerOnlyThePostsInTheirScope() {
        Tree tree = tree();
        JsonPath official = Fixtures.anOfficial().create();
        Fixtures.aPost(official, tree.village()).role("PRINCIPAL", "村党支部书记").create();
        Fixtures.aPost(official, tree.otherStreet()).role("DEPUTY_IN_CHARGE", "兼职副主任").create();
        String elsewhere = tree.otherStreet().getString("name");

        String shown = Api.as(tree.subject(), "unit-officer").get("/api/v1/officials/{id}", official.getString("id"))
                .then()
                .statusCode(200)
                .body("currentPosts.unitId", contains(tree.village().getString("id")))
                .extract().asString();
        String posts = Api.as(tree.subject(), "unit-officer").get("/api/v1/officials/{id}/posts",
                        official.getString("id")).then()
                .statusCode(200)
                .body("items.unitId", contains(tree.village().getString("id")))
                .extract().asString();
        String listed = Api.as(tree.subject(), "unit-officer").queryParam("unitId", tree.village().getString("id"))
                .get("/api/v1/officials").then()
                .statusCode(200)
                .body("items[0].currentPosts.unitId", contains(tree.village().getString("id")))
                .extract().asString();
        for (String body : new String[] {shown, posts, listed}) {
            org.junit.jupiter.api.Assertions.assertFalse(body.contains(tree.otherStreet().getString("id"))
                    || body.contains(elsewhere), "nothing names the unit outside the scope: " + body);
        }
        Api.as("hr-1", "hr").get("/api/v1/officials/{id}", official.getString("id")).then()
                .body("currentPosts.unitId", containsInAnyOrder(tree.village().getString("id"),
                        tree.otherStreet().getString("id")));
    }

    @Test
    void meShowsTheSubjectRolesLinkedOfficialAndScope() {
        Tree tree = tree();
        Api.as(tree.subject(), "unit-officer").get("/api/v1/me").then()
                .statusCode(200)
                .body("subject", equalTo(tree.subject()))
                .body("roles", contains("unit-officer"))
                .body("official.id", equalTo(tree.officer().getString("id")))
                .body("official.name", equalTo("街道干部"))
                .body("scope.allUnits", equalTo(false))
                .body("scope.unitIds", containsInAnyOrder(tree.street().getString("id"),
                        tree.village().getString("id")));
        Api.as("hr-1", "hr").get("/api/v1/me").then()
                .statusCode(200)
                .body("official", nullValue())
                .body("scope.allUnits", equalTo(true))
                .body("scope.unitIds", nullValue());
    }

    @Test
    void aUnitOfficerListsOnlyTheirSubtreesUnitsAndGets404Outside() {
        Tree tree = tree();
        Api.as(tree.subject(), "unit-officer").queryParam("ancestorId", tree.district().getString("id"))
                .get("/api/v1/units").then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(tree.street().getString("id"), tree.village().getString("id")));
        Api.as(tree.subject(), "unit-officer").get("/api/v1/units/{id}", tree.village().getString("id")).then()
                .statusCode(200);
        for (JsonPath outside : new JsonPath[] {tree.district(), tree.otherStreet()}) {
            Api.as(tree.subject(), "unit-officer").get("/api/v1/units/{id}", outside.getString("id")).then()
                    .statusCode(404)
                    .contentType(PROBLEM)
                    .body("code", equalTo("NOT_FOUND"));
            Api.as(tree.subject(), "unit-officer").get("/api/v1/units/{id}/leadership", outside.getString("id"))
                    .then()
                    .statusCode(404);
        }
    }

    @Test
    void aUnitOfficerSeesOnlyOfficialsInPostInTheirScope() {
        Tree tree = tree();
        JsonPath villager = Fixtures.anOfficial().named("村干部").create();
        Fixtures.aPost(villager, tree.village()).role("TWO_COMMITTEES_MEMBER", "村委委员").create();
        JsonPath elsewhere = Fixtures.anOfficial().named("外街道干部").create();
        Fixtures.aPost(elsewhere, tree.otherStreet()).create();

        Api.as(tree.subject(), "unit-officer").queryParam("unitId", tree.district().getString("id"))
                .queryParam("includeSubunits", true).get("/api/v1/officials").then()
                .statusCode(200)
                .body("items.name", containsInAnyOrder("街道干部", "村干部"));
        Api.as(tree.subject(), "unit-officer").get("/api/v1/officials/{id}", villager.getString("id")).then()
                .statusCode(200);
        Api.as(tree.subject(), "unit-officer").get("/api/v1/officials/{id}", elsewhere.getString("id")).then()
                .statusCode(404)
                .contentType(PROBLEM);
        Api.as(tree.subject(), "unit-officer").get("/api/v1/officials/{id}/posts", elsewhere.getString("id")).then()
                .statusCode(404);
    }

    @Test
    void aUnitOfficerWithoutALinkedOfficialSeesNothing() {
        Tree tree = tree();
        String stranger = Fixtures.uniqueCode("unlinked");
        Api.as(stranger, "unit-officer").get("/api/v1/me").then()
                .body("official", nullValue())
                .body("scope.allUnits", equalTo(false))
                .body("scope.unitIds", empty());
        Api.as(stranger, "unit-officer").get("/api/v1/units").then()
                .statusCode(200)
                .body("items", empty());
        Api.as(stranger, "unit-officer").get("/api/v1/officials").then()
                .statusCode(200)
                .body("items", empty());
        Api.as(stranger, "unit-officer").get("/api/v1/units/{id}", tree.street().getString("id")).then()
                .statusCode(404);
    }

    @Test
    void anEndedPostNoLongerGivesScope() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        String subject = Fixtures.uniqueCode("former");
        JsonPath officer = Fixtures.anOfficial().linkedTo(subject).create();
        Fixtures.aPost(officer, street).from(Fixtures.today().minusYears(3)).to(Fixtures.today().minusDays(1))
                .create();
        Api.as(subject, "unit-officer").get("/api/v1/units/{id}", street.getString("id")).then()
                .statusCode(404);
    }

    @Test
    void aUnitOfficerMayNeverWriteUnitsOrOfficials() {
        Tree tree = tree();
        Api.as(tree.subject(), "unit-officer").body(Fixtures.aUnit().under(tree.street()).body())
                .post("/api/v1/units").then()
                .statusCode(403)
                .contentType(PROBLEM);
        Api.as(tree.subject(), "unit-officer").body(Fixtures.aPost(tree.officer(), tree.street()).body())
                .post("/api/v1/officials/{id}/posts", tree.officer().getString("id")).then()
                .statusCode(403);
    }
}
