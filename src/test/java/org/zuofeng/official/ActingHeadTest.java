package org.zuofeng.official;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.zuofeng.support.Api.as;

/**
 * Acting heads (主持工作): a unit whose principal left is led by its acting principal, shown as such, and vacant when
 * it has neither; the acting head is summoned and held to account in the principal's stead, under that role, and
 * only where there is no principal.
 */
@QuarkusTest
class ActingHeadTest {

    /** A bureau whose principal left a month ago, and whose deputy presides over its work since. */
    private static JsonPath bureauLedByItsDeputy(String deputyName) {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        LocalDate today = Fixtures.today();
        Fixtures.aPost(Fixtures.anOfficial().named("原局长").create(), unit).role("PRINCIPAL", "局长")
                .from(today.minusYears(3)).to(today.minusMonths(1)).create();
        JsonPath deputy = Fixtures.anOfficial().named(deputyName).create();
        Fixtures.aPost(deputy, unit).role("ACTING_PRINCIPAL", "副局长（主持工作）")
                .from(today.minusMonths(1).plusDays(1)).create();
        return unit;
    }

    @Test
    void leadershipShowsTheActingPrincipalAsSuchAndAVacantPostWhenThereIsNeither() {
        JsonPath unit = bureauLedByItsDeputy("主持工作副局长");
        String id = unit.getString("id");
        as("hr-1", "hr").get("/api/v1/units/{id}/leadership", id).then().statusCode(200)
                .body("principal.name", equalTo("主持工作副局长")).body("principal.role", equalTo("ACTING_PRINCIPAL"))
                .body("vacant", equalTo(false));
        as("hr-1", "hr").queryParam("on", Fixtures.today().minusYears(5).toString())
                .get("/api/v1/units/{id}/leadership", id).then().statusCode(200)
                .body("principal", nullValue()).body("vacant", equalTo(true));

        JsonPath second = Fixtures.anOfficial().create();
        as("hr-1", "hr").body(Fixtures.aPost(second, unit).role("ACTING_PRINCIPAL", "副局长（主持工作）").body())
                .post("/api/v1/officials/{id}/posts", second.getString("id")).then().statusCode(409)
                .body("code", equalTo("PRINCIPAL_OVERLAP"));
    }

    @Test
    void aSummonsForAUnitWhosePrincipalLeftGoesToTheActingHeadAndOneWithAPrincipalLeavesItOut() {
        JsonPath led = bureauLedByItsDeputy("代理局长");
        JsonPath issued = Fixtures.aNotice("ADMONITION_TALK", led).issued();
        org.hamcrest.MatcherAssert.assertThat(issued.getList("summonedOfficials.name"), contains("代理局长"));
        org.hamcrest.MatcherAssert.assertThat(issued.getList("summonedOfficials.role"), contains("ACTING_PRINCIPAL"));

        JsonPath both = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Fixtures.aPost(Fixtures.anOfficial().named("在任局长").create(), both).role("PRINCIPAL", "局长").create();
        Fixtures.aPost(Fixtures.anOfficial().named("暂代局长").create(), both).role("ACTING_PRINCIPAL", "副局长").create();
        JsonPath summoned = Fixtures.aNotice("ADMONITION_TALK", both).issued();
        org.hamcrest.MatcherAssert.assertThat(summoned.getList("summonedOfficials.name"), contains("在任局长"));
    }

    @Test
    void aViolationInAUnitWithoutPrincipalOpensTheActingHeadsLeadershipCase() {
        JsonPath unit = bureauLedByItsDeputy("主持工作的副局长");
        JsonPath clerk = Fixtures.anOfficial().named("窗口科员").create();
        Fixtures.aPost(clerk, unit).create();
        as("commission-1", "commission").body(Map.of("subjectOfficialId", clerk.getString("id"),
                        "unitId", unit.getString("id"), "kind", "VIOLATION",
                        "occurredOn", Fixtures.today().minusDays(3).toString(), "summary", "窗口脱岗"))
                .post("/api/v1/accountability-cases").then().statusCode(201)
                .body("linkedCases.subjectName", containsInAnyOrder("主持工作的副局长"))
                .body("linkedCases.leaderRole", contains("ACTING_PRINCIPAL"));
    }
}
