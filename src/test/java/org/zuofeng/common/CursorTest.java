package org.zuofeng.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A cursor is the server's: signed, bound to the caller who got it, the list, its filters and its sort. On every list
 * (anonymous ones included) a forged cursor, an altered one or another caller's is a 400 problem, never a 500 and
 * never a page; the genuine one pages on.
 */
@QuarkusTest
class CursorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    /** A list, and who may read it. */
    record Listing(String url, Supplier<RequestSpecification> reader, Supplier<RequestSpecification> other) {
    }

    @Test
    void onEveryListAForgedAlteredOrBorrowedCursorIsA400AndTheGenuineOnePagesOn() throws Exception {
        List<String> failures = new ArrayList<>();
        for (var listing : listings().entrySet()) {
            String url = listing.getValue().url() + (listing.getValue().url().contains("?") ? "&" : "?") + "limit=1";
            JsonPath first = listing.getValue().reader().get().get(url).then().statusCode(200).extract().jsonPath();
            String next = first.getString("next");
            assertNotNull(next, listing.getKey() + " has a second page");
            listing.getValue().reader().get().queryParam("cursor", next).get(url).then().statusCode(200);
            Map<String, String> attempts = new LinkedHashMap<>();
            attempts.put("forged keys", forged(next));
            attempts.put("altered signature", next.substring(0, next.length() - 2)
                    + (next.endsWith("AA") ? "BB" : "AA"));
            attempts.put("cut short", next.substring(0, next.length() - 4));
            for (var attempt : attempts.entrySet()) {
                expectInvalid(failures, listing.getKey() + " with " + attempt.getKey(),
                        listing.getValue().reader().get(), url, attempt.getValue());
            }
            if (listing.getValue().other() != null) {
                expectInvalid(failures, listing.getKey() + " with another caller's cursor",
                        listing.getValue().other().get(), url, next);
            }
        }
        assertEquals(List.of(), failures);
    }

    private static void expectInvalid(List<String> failures, String what, RequestSpecification caller, String url,
            String cursor) {
        var answer = caller.urlEncodingEnabled(true).queryParam("cursor", cursor).get(url).then().extract();
        if (answer.statusCode() != 400 || !"INVALID_CURSOR".equals(answer.path("code"))) {
            failures.add(what + ": " + answer.statusCode() + " " + answer.asString().substring(0,
                    Math.min(200, answer.asString().length())));
        }
    }

    /**
     * The cursor's own payload with every sort key replaced by a value its type cannot have, and the signature (the
     * last 32 bytes, when it has one) kept.
     */
    private static String forged(String cursor) throws Exception {
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '}') {
            end--;
        }
        ObjectNode content = (ObjectNode) JSON.readTree(java.util.Arrays.copyOf(bytes, end));
        ArrayNode keys = JSON.createArrayNode();
        for (JsonNode key : content.get("k")) {
            String value = key.asText();
            keys.add(value.matches("\\d{4}-\\d\\d-\\d\\dT.*") ? "+999999999-12-31T23:59:59Z"
                    : value.matches("\\d{4}-\\d\\d-\\d\\d") ? "+999999999-12-31"
                    : value.matches("[0-9a-f-]{36}") ? "ffffffff-ffff-ffff-ffff-fffffffffffff" : "\u0000");
        }
        content.set("k", keys);
        byte[] payload = JSON.writeValueAsBytes(content);
        byte[] forgedBytes = java.util.Arrays.copyOf(payload, payload.length + bytes.length - end);
        System.arraycopy(bytes, end, forgedBytes, payload.length, bytes.length - end);
        return ENCODE.encodeToString(forgedBytes);
    }

    private static Map<String, Listing> listings() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath other = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath first = Fixtures.anOfficial().create();
        JsonPath second = Fixtures.anOfficial().create();
        Fixtures.aPost(first, street).role("PRINCIPAL", "主任").create();
        Fixtures.aPost(first, other).create();
        Fixtures.aPost(second, street).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", street).lead(lead).started();
        Fixtures.anInspection("OPEN", other).lead(lead).started();
        JsonPath finding = Fixtures.aFinding(inspection, street).createAs(lead);
        Fixtures.aFinding(inspection, street).createAs(lead);
        for (int n = 0; n < 2; n++) {
            Api.uploadAs(lead, "image/jpeg", Media.jpeg(3_000 + n), "inspector")
                    .post("/api/v1/findings/{id}/evidence", finding.getString("id")).then().statusCode(201);
            Api.uploadAs(lead, "image/png", Media.png(3_000 + n), "inspector")
                    .post("/api/v1/inspections/{id}/evidence", inspection.getString("id")).then().statusCode(201);
            Fixtures.aNotice("PUBLIC_EXPOSURE", street).issued();
            Api.as("commission-1", "commission").body(Map.of("subjectOfficialId", second.getString("id"),
                            "unitId", street.getString("id"), "kind", "VIOLATION",
                            "occurredOn", Fixtures.today().minusDays(1).toString(), "summary", "脱岗"))
                    .post("/api/v1/accountability-cases").then().statusCode(201);
        }
        JsonPath scheme = Fixtures.aScheme("VILLAGE_CADRE", 2090).create();
        Fixtures.aScheme("OFFICIAL", 2090).create();
        for (JsonPath cadre : List.of(first, second)) {
            Fixtures.transition(Api.asHr(), "/api/v1/assessments", Fixtures.anAssessment(scheme, 8, 16).of(cadre)
                    .votes(30, 5, 20, 0, 1).create(), Map.of("to", "FINAL"));
        }
        Fixtures.transition(Api.as(lead, "inspector"), "/api/v1/inspections", Api.as(lead, "inspector")
                        .get("/api/v1/inspections/{id}", inspection.getString("id")).then().extract().jsonPath(),
                Map.of("to", "COMPLETED", "summary", "检查结束"));

        String d = district.getString("id");
        Supplier<RequestSpecification> admin = () -> Api.as("admin-1", "admin");
        Supplier<RequestSpecification> otherAdmin = () -> Api.as("admin-2", "admin");
        Map<String, Listing> lists = new LinkedHashMap<>();
        lists.put("units", new Listing("/api/v1/units?ancestorId=" + d, admin, otherAdmin));
        lists.put("officials", new Listing("/api/v1/officials?unitId=" + d + "&includeSubunits=true", admin,
                otherAdmin));
        lists.put("posts", new Listing("/api/v1/officials/" + first.getString("id") + "/posts", admin, otherAdmin));
        lists.put("inspections", new Listing("/api/v1/inspections?targetUnitId=" + d + "&includeSubunits=true"
                + "&sort=-updatedAt", admin, otherAdmin));
        lists.put("transitions", new Listing("/api/v1/inspections/" + inspection.getString("id") + "/transitions",
                admin, otherAdmin));
        lists.put("findings", new Listing("/api/v1/findings?unitId=" + d + "&includeSubunits=true", admin,
                otherAdmin));
        lists.put("finding evidence", new Listing("/api/v1/findings/" + finding.getString("id") + "/evidence",
                admin, otherAdmin));
        lists.put("inspection evidence", new Listing("/api/v1/inspections/" + inspection.getString("id")
                + "/evidence", admin, otherAdmin));
        lists.put("notices", new Listing("/api/v1/supervision-notices?addresseeUnitId=" + d
                + "&includeSubunits=true", admin, otherAdmin));
        lists.put("cases", new Listing("/api/v1/accountability-cases?unitId=" + d + "&includeSubunits=true", admin,
                otherAdmin));
        lists.put("schemes", new Listing("/api/v1/assessment-schemes", admin, otherAdmin));
        lists.put("assessments", new Listing("/api/v1/assessments?schemeId=" + scheme.getString("id"), admin,
                otherAdmin));
        lists.put("audit events", new Listing("/api/v1/audit-events?entityType=unit", admin, otherAdmin));
        lists.put("public exposures", new Listing("/api/v1/public/exposures", Api::anonymous, null));
        lists.put("public results", new Listing("/api/v1/public/assessment-results?year=2090", Api::anonymous,
                null));
        return lists;
    }
}
