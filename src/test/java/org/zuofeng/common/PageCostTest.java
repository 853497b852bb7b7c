package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page costs the same number of SQL statements whether it holds 2 items or 10, for an admin, an inspector and a
 * unit officer alike: no list reads its items' details one by one, nor a scoped caller's scope per item (an N+1
 * would show here long before a benchmark of a million findings).
 */
@QuarkusTest
class PageCostTest {

    private static final int SMALL = 2;
    private static final int LARGE = 10;

    @Inject
    SessionFactory sessions;

    @Test
    void everyListReadsAPageInAConstantNumberOfStatements() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        String lead = "page-cost-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath officialScheme = Fixtures.aScheme("OFFICIAL", 2039).create();
        JsonPath villageScheme = Fixtures.aScheme("VILLAGE_CADRE", 2039).create();
        JsonPath evidenceOf = null;
        for (int i = 0; i < LARGE + 1; i++) {
            JsonPath village = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create();
            JsonPath secretary = Fixtures.anOfficial().create();
            Fixtures.aPost(secretary, village).role("PRINCIPAL", "村党支部书记").from(Fixtures.today().minusYears(1))
                    .create();
            JsonPath cadre = Fixtures.anOfficial().create();
            Fixtures.aPost(cadre, village).role("TWO_COMMITTEES_MEMBER", "村委会委员")
                    .from(Fixtures.today().minusYears(1)).create();
            JsonPath inspection = Fixtures.anInspection("OPEN", village).lead(lead).started();
            JsonPath finding = Fixtures.aFinding(inspection, village).with("officialIds", List.of(cadre.getString("id")))
                    .createAs(lead);
            if (evidenceOf == null) {
                evidenceOf = finding;
                for (int n = 0; n < LARGE + 1; n++) {
                    Api.uploadAs(lead, "image/jpeg", Media.jpeg(4_000 + n), "inspector")
                            .post("/api/v1/findings/{id}/evidence", finding.getString("id")).then().statusCode(201);
                    Api.uploadAs(lead, "image/jpeg", Media.jpeg(5_000 + n), "inspector")
                            .post("/api/v1/inspections/{id}/evidence", inspection.getString("id")).then()
                            .statusCode(201);
                }
            }
            Fixtures.aNotice("RECTIFICATION_NOTICE", village).issued();
            Fixtures.aNotice("PUBLIC_EXPOSURE", village).with("visibility", "PUBLIC")
                    .with("officialIds", List.of(cadre.getString("id"))).issued();
            Map<String, Object> violation = new HashMap<>(Map.of("subjectOfficialId", cadre.getString("id"),
                    "unitId", village.getString("id"), "kind", "VIOLATION",
                    "occurredOn", Fixtures.today().minusDays(3).toString(), "summary", "窗口脱岗"));
            Api.as("commission-1", "commission").body(violation).post("/api/v1/accountability-cases").then()
                    .statusCode(201);
            Fixtures.anAssessment(officialScheme, 8, 16).of(secretary).create();
            JsonPath review = Fixtures.anAssessment(villageScheme, 8, 16).of(cadre).votes(30, 0, 20, 5, 5).create();
            Fixtures.transition(Api.asHr(), "/api/v1/assessments", review, Map.of("to", "FINAL"));
        }
        String officer = lead + "-officer";
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), street).role("PRINCIPAL", "街道党工委书记")
                .from(Fixtures.today().minusYears(1)).create();
        String scope = "unitId=" + district.getString("id") + "&includeSubunits=true";
        String inspections = "/api/v1/inspections?targetUnitId=" + district.getString("id") + "&includeSubunits=true";
        String findingEvidence = "/api/v1/findings/" + evidenceOf.getString("id") + "/evidence";
        String inspectionEvidence = "/api/v1/inspections/" + evidenceOf.getString("inspectionId") + "/evidence";
        String officials = "/api/v1/officials?" + scope;
        String findings = "/api/v1/findings?" + scope;
        String notices = "/api/v1/supervision-notices?addresseeUnitId=" + district.getString("id") + "&includeSubunits=true";
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("admin", List.of(
                "/api/v1/units?ancestorId=" + district.getString("id"),
                officials,
                inspections,
                findings,
                notices,
                "/api/v1/accountability-cases?" + scope,
                "/api/v1/assessments?schemeId=" + officialScheme.getString("id"),
                "/api/v1/assessments?schemeId=" + villageScheme.getString("id"),
                findingEvidence,
                inspectionEvidence,
                "/api/v1/audit-events",
                "/api/v1/public/exposures",
                "/api/v1/public/assessment-results?year=2039"));
        lists.put("inspector", List.of(inspections, findings, findingEvidence, inspectionEvidence));
        lists.put("unit-officer", List.of(
                "/api/v1/units?ancestorId=" + street.getString("id"),
                officials,
                inspections,
                findings,
                notices,
                "/api/v1/assessments?schemeId=" + villageScheme.getString("id"),
                findingEvidence));
        Map<String, Supplier<RequestSpecification>> callers = Map.of(
                "admin", () -> Api.as("page-cost", "admin", "auditor", "commission", "hr"),
                "inspector", () -> Api.as(lead, "inspector"),
                "unit-officer", () -> Api.as(officer, "unit-officer"));
        List<String> costs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        lists.forEach((role, paths) -> {
            for (String list : paths) {
                long small = statementsFor(callers.get(role), list, SMALL);
                long large = statementsFor(callers.get(role), list, LARGE);
                expected.add(role + " " + list + ": " + small);
                costs.add(role + " " + list + ": " + large);
            }
        });
        assertEquals(expected, costs, "statements for a page of " + SMALL + " (expected) and of " + LARGE);
    }

    @Test
    void aUnitOfficersSingleReadComputesTheirScopeOnce() {
        JsonPath street = Fixtures.aUnit().under(Fixtures.aDistrict()).type("SUBDISTRICT").create();
        JsonPath staff = Fixtures.anOfficial().create();
        Fixtures.aPost(staff, street).role("STAFF", "干事").from(Fixtures.today().minusYears(1)).create();
        String officer = "page-cost-officer-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), street).role("PRINCIPAL", "街道党工委书记")
                .from(Fixtures.today().minusYears(1)).create();
        String official = "/api/v1/officials/" + staff.getString("id");
        long admin = statementsFor(() -> Api.as("page-cost", "admin"), official);
        long scoped = statementsFor(() -> Api.as(officer, "unit-officer"), official);
        assertTrue(scoped <= admin + 2, "a unit officer's read adds at most their linked official and the units of "
                + "their posts, once: " + scoped + " statements against an admin's " + admin);
    }

    @Test
    void aPageCostsTheSameWhetherOrNotItHoldsTheUnitOfficersOwnOfficial() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        for (String name : List.of("干部a", "干部b", "干部d", "干部e")) {
            Fixtures.aPost(Fixtures.anOfficial().named(name).create(),
                    Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create())
                    .role("TWO_COMMITTEES_MEMBER", "村委会委员").from(Fixtures.today().minusYears(1)).create();
        }
        String officer = "page-cost-officer-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.aPost(Fixtures.anOfficial().named("干部c").linkedTo(officer).create(), street)
                .role("PRINCIPAL", "街道党工委书记").from(Fixtures.today().minusYears(1)).create();
        String officials = "/api/v1/officials?unitId=" + district.getString("id") + "&includeSubunits=true&sort=name";
        Supplier<RequestSpecification> asOfficer = () -> Api.as(officer, "unit-officer");
        assertEquals(statementsFor(asOfficer, officials, 2), statementsFor(asOfficer, officials, 3),
                "干部a, 干部b without the officer's own official, and with 干部c, who is the officer: the same statements");
    }

    /** The statements one GET of a single record runs. */
    private long statementsFor(Supplier<RequestSpecification> caller, String path) {
        return statementsFor(caller, path, response -> { });
    }

    /** The statements one GET of a full page of {@code limit} items runs. */
    private long statementsFor(Supplier<RequestSpecification> caller, String list, int limit) {
        return statementsFor(caller, list + (list.contains("?") ? "&" : "?") + "limit=" + limit,
                response -> assertEquals(limit, response.jsonPath().getList("items").size(),
                        list + " must fill a page of " + limit));
    }

    private long statementsFor(Supplier<RequestSpecification> caller, String path, Consumer<Response> check) {
        var statistics = sessions.getStatistics();
        statistics.clear();
        Response response = caller.get().get(path);
        long statements = statistics.getPrepareStatementCount();
        assertEquals(200, response.statusCode(), path);
        check.accept(response);
        return statements;
    }
}
