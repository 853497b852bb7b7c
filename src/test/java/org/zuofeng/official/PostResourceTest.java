package org.zuofeng.official;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.zuofeng.support.Api.asHr;

/** Posts over time: one principal per unit per day, active units only, and who led a unit on any day. */
@QuarkusTest
class PostResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void overlappingPrincipalsInOneUnitAreAConflict() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        LocalDate today = Fixtures.today();
        JsonPath first = Fixtures.aPost(Fixtures.anOfficial().create(), unit).role("PRINCIPAL", "局长")
                .from(today.minusYears(2)).to(today.minusDays(10)).create();

        var second = Fixtures.aPost(Fixtures.anOfficial().create(), unit).role("PRINCIPAL", "局长")
                .from(today.minusDays(10));
        asHr().body(second.body()).post(second.path()).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("PRINCIPAL_OVERLAP"))
                .body("conflictingPostId", equalTo(first.getString("id")));
    }

    @Test
    void aPrincipalTermMayBeginTheDayAfterThePreviousOneEnds() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        LocalDate today = Fixtures.today();
        Fixtures.aPost(Fixtures.anOfficial().create(), unit).role("PRINCIPAL", "局长")
                .from(today.minusYears(2)).to(today.minusDays(11)).create();
        Fixtures.aPost(Fixtures.anOfficial().create(), unit).role("PRINCIPAL", "局长")
                .from(today.minusDays(10)).create();
    }

    @Test
    void anOpenEndedPrincipalBlocksLaterTermsButNotDeputies() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        LocalDate today = Fixtures.today();
        Fixtures.aPost(Fixtures.anOfficial().create(), unit).role("PRINCIPAL", "局长")
                .from(today.minusYears(1)).create();
        var later = Fixtures.aPost(Fixtures.anOfficial().create(), unit).role("PRINCIPAL", "局长")
                .from(today.plusYears(3));
        asHr().body(later.body()).post(later.path()).then().statusCode(409);
        Fixtures.aPost(Fixtures.anOfficial().create(), unit).role("DEPUTY_IN_CHARGE", "副局长").create();
        Fixtures.aPost(Fixtures.anOfficial().create(), unit).role("DEPUTY_IN_CHARGE", "副局长").create();
    }

    @Test
    void aPostCannotEndBeforeItStarts() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        var post = Fixtures.aPost(Fixtures.anOfficial().create(), unit)
                .from(Fixtures.today()).to(Fixtures.today().minusDays(1));
        asHr().body(post.body()).post(post.path()).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/endDate"));
    }

    @Test
    void postsAreHeldOnlyInUnitsThatExistAndAreActive() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath unit = Fixtures.aUnit().under(district).create();
        asHr().header("If-Match", "\"" + unit.getLong("version") + "\"")
                .delete("/api/v1/units/{id}", unit.getString("id")).then().statusCode(200);
        JsonPath official = Fixtures.anOfficial().create();

        var inDissolved = Fixtures.aPost(official, unit);
        asHr().body(inDissolved.body()).post(inDissolved.path()).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("UNIT_DISSOLVED"));
        var inUnknown = Fixtures.aPost(official, unit);
        inUnknown.body().put("unitId", "0194c4b6-5b1e-7000-8000-0000000f00d1");
        asHr().body(inUnknown.body()).post(inUnknown.path()).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/unitId"));
        asHr().get("/api/v1/officials/{id}/posts", official.getString("id")).then()
                .body("items", empty());
    }

    @Test
    void aUnitWithPostsNotEndedCannotBeDissolvedUntilTheyEnd() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath official = Fixtures.anOfficial().create();
        var builder = Fixtures.aPost(official, unit);
        JsonPath post = builder.create();

        asHr().header("If-Match", "\"" + unit.getLong("version") + "\"")
                .delete("/api/v1/units/{id}", unit.getString("id")).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("UNIT_HAS_ACTIVE_POSTS"))
                .body("activePosts", equalTo(1));

        Map<String, Object> ended = builder.to(Fixtures.today().minusDays(1)).body();
        asHr().header("If-Match", "\"" + post.getLong("version") + "\"").body(ended)
                .put(builder.path() + "/{postId}", post.getString("id")).then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("endDate", equalTo(Fixtures.today().minusDays(1).toString()));
        asHr().header("If-Match", "\"" + unit.getLong("version") + "\"")
                .delete("/api/v1/units/{id}", unit.getString("id")).then()
                .statusCode(200);
        Api.as("auditor-1", "auditor").queryParam("entityId", post.getString("id")).queryParam("sort", "occurredAt")
                .get("/api/v1/audit-events").then()
                .body("items.action", contains("CREATE", "END"));
    }

    @Test
    void theLeadershipOnAPastDayShowsWhoHeldPostsThen() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        LocalDate today = Fixtures.today();
        JsonPath formerHead = Fixtures.anOfficial().named("前任局长").create();
        JsonPath head = Fixtures.anOfficial().named("现任局长").create();
        JsonPath deputy = Fixtures.anOfficial().named("分管副局长").create();
        JsonPath member = Fixtures.anOfficial().named("班子成员").create();
        Fixtures.aPost(formerHead, unit).role("PRINCIPAL", "局长").from(today.minusYears(6))
                .to(today.minusYears(1).minusDays(1)).create();
        Fixtures.aPost(head, unit).role("PRINCIPAL", "局长").from(today.minusYears(1)).create();
        Fixtures.aPost(deputy, unit).role("DEPUTY_IN_CHARGE", "副局长").responsibility("城建")
                .from(today.minusYears(3)).create();
        Fixtures.aPost(member, unit).role("LEADERSHIP_MEMBER", "党组成员").from(today.minusMonths(6)).create();
        Fixtures.aPost(Fixtures.anOfficial().create(), unit).create();

        Api.as("someone", "inspector").queryParam("on", today.minusYears(2).toString())
                .get("/api/v1/units/{id}/leadership", unit.getString("id")).then()
                .statusCode(200)
                .body("on", equalTo(today.minusYears(2).toString()))
                .body("principal.name", equalTo("前任局长"))
                .body("deputies.name", contains("分管副局长"))
                .body("deputies[0].responsibility", equalTo("城建"))
                .body("members", empty());
        Api.as("someone", "inspector").get("/api/v1/units/{id}/leadership", unit.getString("id")).then()
                .statusCode(200)
                .body("on", equalTo(today.toString()))
                .body("principal.name", equalTo("现任局长"))
                .body("deputies.name", contains("分管副局长"))
                .body("members.name", contains("班子成员"));
        Api.as("someone", "inspector").queryParam("on", today.minusYears(10).toString())
                .get("/api/v1/units/{id}/leadership", unit.getString("id")).then()
                .statusCode(200)
                .body("principal", nullValue())
                .body("deputies", empty());
    }

    @Test
    void anOfficialsPostsIncludeEndedOnesNewestFirst() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath official = Fixtures.anOfficial().create();
        LocalDate today = Fixtures.today();
        Fixtures.aPost(official, unit).role("STAFF", "科员").from(today.minusYears(8)).to(today.minusYears(5))
                .create();
        Fixtures.aPost(official, unit).role("DEPUTY_IN_CHARGE", "副局长").from(today.minusYears(5).plusDays(1))
                .create();
        asHr().get("/api/v1/officials/{id}/posts", official.getString("id")).then()
                .statusCode(200)
                .body("items.title", contains("副局长", "科员"))
                .body("items.active", contains(true, false));
    }

    @Test
    void postsOfAnUnknownOfficialAreNotFound() {
        asHr().get("/api/v1/officials/{id}/posts", "0194c4b6-5b1e-7000-8000-00000000cafe").then()
                .statusCode(404)
                .contentType(PROBLEM);
    }
}
