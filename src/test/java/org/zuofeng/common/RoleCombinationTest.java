package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A caller holding several roles gets the broadest rights of its roles, the same way in every channel: for every
 * resource, what a unit officer who also holds another role may list is exactly what either role alone may list, the
 * count says as much, and a single read succeeds for exactly the records the list shows (404 for the others).
 */
@QuarkusTest
class RoleCombinationTest {

    private static final List<String> OTHER_ROLES = List.of("admin", "commission", "inspector", "hr", "auditor",
            "integration");

    /** A unit officer of street S (not of street T), and records of every kind in both streets. */
    private static String officer;
    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    /** The records of one kind in the scene: how to list them, and the URL of each single one (null: no list). */
    record Kind(String list, Map<String, String> records) {
    }

    private static synchronized void scene() {
        if (officer != null) {
            return;
        }
        JsonPath district = Fixtures.aDistrict();
        JsonPath s = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath t = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        officer = Fixtures.uniqueCode("officer");
        JsonPath officerOfficial = Fixtures.anOfficial().linkedTo(officer).create();
        Fixtures.aPost(officerOfficial, s).create();
        JsonPath principalS = Fixtures.anOfficial().create();
        Fixtures.aPost(principalS, s).role("PRINCIPAL", "主任").create();
        Fixtures.aPost(principalS, t).role("DEPUTY_IN_CHARGE", "兼职副主任").create();
        JsonPath principalT = Fixtures.anOfficial().create();
        Fixtures.aPost(principalT, t).role("PRINCIPAL", "主任").create();

        String lead = Fixtures.uniqueCode("lead");
        JsonPath openS = Fixtures.anInspection("OPEN", s).lead(lead).started();
        JsonPath openT = Fixtures.anInspection("OPEN", t).lead(lead).member(officer).started();
        JsonPath covertS = Fixtures.anInspection("COVERT", s).lead(lead).started();
        JsonPath findingS = Fixtures.aFinding(openS, s).createAs(lead);
        JsonPath findingT = Fixtures.aFinding(openT, t).createAs(lead);
        JsonPath findingCovert = Fixtures.aFinding(covertS, s).createAs(lead);
        String evidenceS = upload(lead, findingS);
        String evidenceT = upload(lead, findingT);
        String evidenceCovert = upload(lead, findingCovert);

        JsonPath noticeS = Fixtures.aNotice("RECTIFICATION_NOTICE", s).issued();
        JsonPath noticeT = Fixtures.aNotice("RECTIFICATION_NOTICE", t).issued();
        JsonPath draftS = Fixtures.aNotice("SITUATION_BULLETIN", s).draft();

        JsonPath openCase = openCase(principalS, s);
        JsonPath decidedCase = openCase(officerOfficial, s);
        Api.as("commission-1", "commission").body(Map.of("measures", List.of("ADMONISHMENT_TALK"),
                        "decidedOn", Fixtures.today().toString(), "basis", "依据"))
                .post("/api/v1/accountability-cases/{id}/decision", decidedCase.getString("id")).then()
                .statusCode(201);

        JsonPath scheme = Fixtures.aScheme("VILLAGE_CADRE", 2060).create();
        JsonPath finalS = Fixtures.transition(Api.asHr(), "/api/v1/assessments", Fixtures.anAssessment(scheme, 8, 16)
                .of(principalS).votes(30, 5, 20, 0, 1).create(), Map.of("to", "FINAL"));
        JsonPath finalT = Fixtures.transition(Api.asHr(), "/api/v1/assessments", Fixtures.anAssessment(scheme, 8, 16)
                .of(principalT).votes(30, 5, 20, 0, 1).create(), Map.of("to", "FINAL"));
        JsonPath draftAssessment = Fixtures.anAssessment(scheme, 8, 16).of(officerOfficial).votes(30, 5, 20, 0, 1)
                .create();

        String d = district.getString("id");
        KINDS.put("units", new Kind("/api/v1/units?ancestorId=" + d, urls("/api/v1/units/", district, s, t)));
        KINDS.put("leadership", new Kind(null, Map.of(s.getString("id"), "/api/v1/units/" + s.getString("id")
                + "/leadership", t.getString("id"), "/api/v1/units/" + t.getString("id") + "/leadership")));
        KINDS.put("officials", new Kind("/api/v1/officials?unitId=" + d + "&includeSubunits=true",
                urls("/api/v1/officials/", officerOfficial, principalS, principalT)));
        KINDS.put("posts", new Kind("/api/v1/officials/" + principalS.getString("id") + "/posts", Map.of()));
        KINDS.put("inspections", new Kind("/api/v1/inspections?targetUnitId=" + d + "&includeSubunits=true",
                urls("/api/v1/inspections/", openS, openT, covertS)));
        KINDS.put("findings", new Kind("/api/v1/findings?unitId=" + d + "&includeSubunits=true",
                urls("/api/v1/findings/", findingS, findingT, findingCovert)));
        KINDS.put("evidence", new Kind(null, Map.of(evidenceS, "/api/v1/evidence/" + evidenceS,
                evidenceT, "/api/v1/evidence/" + evidenceT, evidenceCovert, "/api/v1/evidence/" + evidenceCovert)));
        KINDS.put("notices", new Kind("/api/v1/supervision-notices?addresseeUnitId=" + d + "&includeSubunits=true",
                urls("/api/v1/supervision-notices/", noticeS, noticeT, draftS)));
        Map<String, String> cases = new LinkedHashMap<>(urls("/api/v1/accountability-cases/", openCase,
                decidedCase));
        for (JsonPath violation : List.of(openCase, decidedCase)) {
            violation.getList("linkedCaseIds", String.class).forEach(id -> cases.put(id,
                    "/api/v1/accountability-cases/" + id));
        }
        KINDS.put("cases", new Kind("/api/v1/accountability-cases?unitId=" + d + "&includeSubunits=true", cases));
        KINDS.put("assessments", new Kind("/api/v1/assessments?schemeId=" + scheme.getString("id"),
                urls("/api/v1/assessments/", finalS, finalT, draftAssessment)));
    }

    @Test
    void aUnitOfficerWithAnotherRoleReadsWhatEitherRoleReadsInEveryChannel() {
        scene();
        List<String> failures = new ArrayList<>();
        for (String other : OTHER_ROLES) {
            for (var kind : KINDS.entrySet()) {
                Set<String> asOfficer = listed(kind.getValue(), "unit-officer");
                Set<String> asOther = listed(kind.getValue(), other);
                Set<String> combined = listed(kind.getValue(), "unit-officer", other);
                Set<String> union = new TreeSet<>(asOfficer);
                union.addAll(asOther);
                if (kind.getValue().list() != null && !combined.equals(union)) {
                    failures.add(kind.getKey() + " listed as unit-officer + " + other + ": " + combined
                            + ", but the roles alone list " + union);
                }
                for (var record : kind.getValue().records().entrySet()) {
                    int status = read(record.getValue(), "unit-officer", other);
                    int alone = read(record.getValue(), "unit-officer");
                    int otherAlone = read(record.getValue(), other);
                    boolean readable = kind.getValue().list() != null ? combined.contains(record.getKey())
                            : alone == 200 || otherAlone == 200;
                    int expected = readable ? 200 : alone == 403 && otherAlone == 403 ? 403 : 404;
                    if (status != expected) {
                        failures.add(kind.getKey() + " " + record.getKey() + " read as unit-officer + " + other
                                + ": " + status + ", expected " + expected);
                    }
                }
                if (kind.getValue().list() != null && kind.getValue().records().size() > 0) {
                    var counted = Api.as(officer, "unit-officer", other).get(kind.getValue().list() + "&count=true")
                            .then().extract();
                    if (counted.statusCode() == 200 && counted.jsonPath().getInt("totalCount") < combined.size()) {
                        failures.add(kind.getKey() + " counted as unit-officer + " + other + ": fewer than listed");
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theUnitScopeOfAnOfficerWithAnotherRoleIsThatOfTheBroadestRole() {
        scene();
        Api.as(officer, "unit-officer").get("/api/v1/me").then().statusCode(200)
                .body("scope.allUnits", org.hamcrest.Matchers.equalTo(false));
        for (String other : OTHER_ROLES) {
            Api.as(officer, "unit-officer", other).get("/api/v1/me").then().statusCode(200)
                    .body("scope.allUnits", org.hamcrest.Matchers.equalTo(true));
        }
    }

    /** The ids a caller holding {@code roles} finds in a kind's list (none when its roles may not list it). */
    private static Set<String> listed(Kind kind, String... roles) {
        if (kind.list() == null) {
            return Set.of();
        }
        ExtractableResponse<Response> response = Api.as(officer, roles).get(kind.list()
                + (kind.list().contains("?") ? "&" : "?") + "limit=500").then().extract();
        if (response.statusCode() == 403) {
            return Set.of();
        }
        assertEquals(200, response.statusCode(), kind.list() + " as " + String.join(" + ", roles));
        return new TreeSet<>(response.jsonPath().getList("items.id", String.class));
    }

    private static int read(String url, String... roles) {
        return Api.as(officer, roles).get(url).then().extract().statusCode();
    }

    private static Map<String, String> urls(String prefix, JsonPath... records) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (JsonPath record : records) {
            urls.put(record.getString("id"), prefix + record.getString("id"));
        }
        return urls;
    }

    private static String upload(String lead, JsonPath finding) {
        return Api.uploadAs(lead, "image/jpeg", Media.jpeg(1024 + (int) (Math.random() * 1000)), "inspector")
                .post("/api/v1/findings/{id}/evidence", finding.getString("id")).then().statusCode(201)
                .extract().path("id");
    }

    private static JsonPath openCase(JsonPath subject, JsonPath unit) {
        return Api.as("commission-1", "commission").body(Map.of("subjectOfficialId", subject.getString("id"),
                        "unitId", unit.getString("id"), "kind", "VIOLATION",
                        "occurredOn", Fixtures.today().minusDays(2).toString(), "summary", "脱岗"))
                .post("/api/v1/accountability-cases").then().statusCode(201).extract().jsonPath();
    }
}
