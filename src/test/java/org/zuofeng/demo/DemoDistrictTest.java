package org.zuofeng.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.zuofeng.support.Api.as;

/**
 * Dev mode's demo district, created on the first start through the services: what each dev user of the OIDC dev
 * server sees in it, by the same rules as any data (a unit officer only their sub-district, a covert visit hidden from
 * its targets), and that it is created once.
 */
@QuarkusTest
@TestProfile(DemoDistrictTest.WithDemo.class)
class DemoDistrictTest {

    /** The application as dev mode starts it: with the demo district. */
    public static class WithDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zuofeng.demo.enabled", "true");
        }
    }

    @Inject
    DemoDistrict demo;

    @Test
    void theUnitOfficerIsThePrincipalOfASubDistrictAndSeesOnlyIt() {
        as(DemoDistrict.OFFICER, "unit-officer").get("/api/v1/me").then().statusCode(200)
                .body("official.name", equalTo("林志强"))
                .body("scope.unitIds", hasSize(3));
        as(DemoDistrict.OFFICER, "unit-officer").queryParam("limit", 50).get("/api/v1/units").then().statusCode(200)
                .body("items.name", containsInAnyOrder("东兴街道", "东兴村委会", "新兴村委会"));
        as(DemoDistrict.OFFICER, "unit-officer").get("/api/v1/inspections").then().statusCode(200)
                .body("items.type", equalTo(List.of("OPEN")))
                .body("items[0].status", equalTo("COMPLETED"));
        as(DemoDistrict.OFFICER, "unit-officer").get("/api/v1/supervision-notices").then().statusCode(200)
                .body("items.type", equalTo(List.of("RECTIFICATION_NOTICE")));
    }

    @Test
    void theInspectorLeadsBothInspectionsAndTheCommissionSeesEverything() {
        as(DemoDistrict.INSPECTOR, "inspector").get("/api/v1/inspections").then().statusCode(200)
                .body("items.type", containsInAnyOrder("OPEN", "COVERT"));
        as("commission", "commission").queryParam("limit", 50).get("/api/v1/findings").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.evidence.flatten().mediaType", equalTo(List.of("image/jpeg")));
        as("commission", "commission").get("/api/v1/supervision-notices").then().statusCode(200)
                .body("items.status", everyItem(equalTo("ISSUED")))
                .body("items.documentNumber", everyItem(startsWith("榕纪")));
        as("commission", "commission").queryParam("limit", 50).get("/api/v1/accountability-cases").then()
                .statusCode(200)
                .body("items.kind", hasItem("VIOLATION"))
                .body("items.status", hasItem("DECIDED"));
        as("hr", "hr").queryParam("limit", 50).get("/api/v1/assessments").then().statusCode(200)
                .body("items.status", containsInAnyOrder("FINAL", "PUBLIC_NOTICE", "DRAFT"));
    }

    @Test
    void theDecidedViolationOpenedTheCasesOfTheLeadersWhoAnswerForIt() {
        as("commission", "commission").queryParam("kind", "VIOLATION").get("/api/v1/accountability-cases").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].subjectName", equalTo("吴海燕"))
                .body("items[0].status", equalTo("DECIDED"))
                .body("items[0].sourceFindingIds", hasSize(1))
                .body("items[0].linkedCases.subjectName", containsInAnyOrder("黄建国", "刘建平"))
                .body("items[0].linkedCases.leaderRole", containsInAnyOrder("PRINCIPAL", "DEPUTY_IN_CHARGE"))
                .body("items[0].linkedCases.kind", everyItem(equalTo("LEADERSHIP_RESPONSIBILITY")))
                .body("items[0].linkedCases.status", everyItem(equalTo("OPEN")));
    }

    @Test
    void theRegisterHoldsAReportAndCluesInEveryStateAndTheVillageSecretarysNameIsCleared() {
        as("commission", "commission").queryParam("unitId", unitId("RCQ-SCJG")).queryParam("sort", "number")
                .get("/api/v1/clues").then().statusCode(200)
                .body("items.source", equalTo(List.of("PUBLIC_REPORT", "MEDIA")))
                .body("items.status", everyItem(equalTo("REGISTERED")))
                .body("items[0].report.messages", hasSize(1));
        as("commission", "commission").queryParam("unitId", unitId("RCQ-DX")).get("/api/v1/clues").then()
                .statusCode(200).body("items.status", equalTo(List.of("IN_HANDLING")));
        as("commission", "commission").queryParam("unitId", unitId("RCQ-DX-01")).get("/api/v1/clues").then()
                .statusCode(200).body("items.handling.outcome", equalTo(List.of("UNFOUNDED")));
        as(DemoDistrict.OFFICER, "unit-officer").get("/api/v1/clues").then().statusCode(404);
        given().get("/api/v1/public/clarifications").then().statusCode(200)
                .body("items.official.name", hasItem("郑国平"))
                .body("items.official.post", hasItem("村党支部书记"));
    }

    @Test
    void theDemoOfficialDeclaresTheirOwnContactsAndTheRegisterFlagsWhatItShould() {
        as(DemoDistrict.OFFICIAL, "official").queryParam("sort", "occurredOn").get("/api/v1/business-contacts")
                .then().statusCode(200)
                .body("items.kind", equalTo(List.of("MEAL", "MEETING")))
                .body("items[0].flags.code", equalTo(List.of("PAID_BY_BUSINESS", "OVER_VALUE", "LATE_DECLARATION")))
                .body("items[0].status", equalTo("QUESTIONED"))
                .body("items[1].declaredBefore", equalTo(true)).body("items[1].status", equalTo("ACCEPTED"));
        as("commission", "commission").queryParam("creditCode", "91445202MA4W3K8R26").queryParam("sort", "occurredOn")
                .get("/api/v1/business-contacts").then().statusCode(200)
                .body("items.kind", equalTo(List.of("HELP", "MEETING", "VISIT")))
                .body("items[0].flags.code", equalTo(List.of("SUPERVISED_BUSINESS")))
                .body("items[0].onBehalf", equalTo(true))
                .body("items[2].flags.code", equalTo(List.of("MANY_OFFICIALS")))
                .body("items[2].declaredBefore", equalTo(true));
    }

    @Test
    void theDemoPublishesATypicalCaseWithoutTheClerksNameAndTheStreetStudiesIt() {
        given().get("/api/v1/public/typical-cases").then().statusCode(200)
                .body("items.title", hasItem("区市场监管局窗口工作人员吴某某工作时间擅离岗位被诫勉谈话"))
                .body("items.narrative", everyItem(not(containsString("吴海燕"))));
        as(DemoDistrict.OFFICER, "unit-officer").get("/api/v1/units/{id}/warning-education-sessions",
                unitId("RCQ-DX")).then().statusCode(200).body("items", hasSize(1));
    }

    private static String unitId(String code) {
        return as("admin", "admin").queryParam("code", code).get("/api/v1/units").then().statusCode(200)
                .extract().path("items[0].id");
    }

    @Test
    void theDemoIsCreatedOnceAndNotAgainOnTheNextStart() {
        assertFalse(demo.createIfAbsent(), "the district is there: nothing is created twice");
        as("admin", "admin").queryParam("code", DemoDistrict.CODE).get("/api/v1/units").then().statusCode(200)
                .body("items", hasSize(1));
    }
}
