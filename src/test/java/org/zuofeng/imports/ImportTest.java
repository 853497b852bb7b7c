package org.zuofeng.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;

/** Bulk import from the personnel system: an upsert, row by row through the ordinary rules, in batches. */
@QuarkusTest
class ImportTest {

    private static JsonPath importing(String entity, String contentType, String body, boolean dryRun) {
        return as("hr-1", "hr").config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)))
                .contentType(contentType + "; charset=utf-8").queryParam("entity", entity).queryParam("dryRun", dryRun)
                .body(body).post("/api/v1/imports").then().statusCode(200).extract().jsonPath();
    }

    private static String csv(String... lines) {
        return "\uFEFF" + String.join("\r\n", lines) + "\r\n";
    }

    private static void assertNoUnit(String code) {
        as("hr-1", "hr").queryParam("code", code).queryParam("status", "ACTIVE,DISSOLVED").get("/api/v1/units")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void aDryRunChecksEveryRowAsForRealAndKeepsNothing() {
        String root = Fixtures.uniqueCode("D");
        String file = csv("code,name,type,parentCode",
                root + ",揭东区,DISTRICT,",
                root + "-01,曲溪街道,SUBDISTRICT," + root,
                root + "-02,\"玉湖镇，新亨镇\",SUBDISTRICT," + root,
                root + "-03,錯誤類型,PLANET," + root);

        JsonPath report = importing("UNIT", "text/csv", file, true);
        assertEquals(List.of("CREATED", "CREATED", "CREATED", "REJECTED"), report.getList("rows.status"),
                () -> report.getString("rows[1].problem"));
        assertEquals(3, report.getInt("counts.CREATED"));
        assertEquals(1, report.getInt("counts.REJECTED"));
        assertEquals(4, report.getInt("rows[3].row"));
        assertEquals("VALIDATION_FAILED", report.getString("rows[3].problem.code"));
        assertEquals(null, report.getString("rows[0].id"), "a dry run makes nothing, so no id");
        assertNoUnit(root);
        assertNoUnit(root + "-01");
    }

    @Test
    void aMixedImportAppliesTheGoodRowsInBatchesAndARefusedRowLeavesNothingBehind() {
        String root = Fixtures.uniqueCode("D");
        List<String> lines = new java.util.ArrayList<>(List.of("code,name,type,parentCode", root + ",区,DISTRICT,"));
        IntStream.rangeClosed(1, 149).forEach(i -> lines.add(root + "-" + i + ",单位" + i + ",AGENCY,"
                + (i == 120 ? "NO-SUCH-PARENT" : root)));
        lines.add(root + "-x,\"多\nLINE\",AGENCY," + root);

        JsonPath report = importing("UNIT", "text/csv", csv(lines.toArray(String[]::new)), false);
        Map<String, Long> statuses = report.getList("rows.status", String.class).stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(Map.of("CREATED", 149L, "REJECTED", 2L), statuses);
        assertEquals("/parentCode", report.getString("rows[120].problem.errors[0].pointer"), "row 121: unit 120");
        assertEquals("/name", report.getString("rows[150].problem.errors[0].pointer"), "a name on two lines");
        assertNoUnit(root + "-120");
        String created = report.getString("rows[1].id");
        as("hr-1", "hr").get("/api/v1/units/{id}", created).then().statusCode(200)
                .body("code", equalTo(root + "-1"));
        as("auditor-1", "auditor").queryParam("entityId", created).queryParam("action", "CREATE")
                .get("/api/v1/audit-events").then().statusCode(200).body("items", hasSize(1));
        as("hr-1", "hr").queryParam("ancestorId", report.getString("rows[0].id")).queryParam("limit", 500)
                .get("/api/v1/units").then().body("items", hasSize(149));
    }

    @Test
    void officialsAndPostsAreKeyedByThePersonnelSystemsIdsAndAReImportIsAllUnchanged() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath known = Fixtures.anOfficial().create();
        String first = Fixtures.uniqueCode("GD");
        String second = Fixtures.uniqueCode("GD");
        LocalDate born = LocalDate.of(1982, 3, 14);
        String officials = String.join("\n",
                "{\"externalId\":\"" + first + "\",\"name\":\"张三\",\"gender\":\"MALE\",\"birthDate\":\"1982-03-14\","
                        + "\"idNumber\":\"" + Fixtures.idNumber(born) + "\",\"phone\":\"13900000001\",\"partyMember\":true}",
                "{\"externalId\":\"" + second + "\",\"name\":\"" + known.getString("name") + "\",\"gender\":\""
                        + known.getString("gender") + "\",\"birthDate\":\"" + known.getString("birthDate")
                        + "\",\"idNumber\":\"" + known.getString("idNumber") + "\",\"phone\":\""
                        + known.getString("phone") + "\",\"partyMember\":true}",
                "{\"externalId\":\"" + first + "x\",\"name\":\"李四\"}");

        JsonPath report = importing("OFFICIAL", "application/x-ndjson", officials, false);
        assertEquals(List.of("CREATED", "UPDATED", "REJECTED"), report.getList("rows.status"),
                () -> report.getString("rows[0].problem") + report.getString("rows[1].problem"));
        assertEquals(known.getString("id"), report.getString("rows[1].id"),
                "an official recorded before under the same ID number gets the personnel id");
        as("hr-1", "hr").body(Map.of("system", "personnel", "externalId", second))
                .post("/api/v1/officials/search").then().body("items[0].id", equalTo(known.getString("id")));

        String postsFile = csv("externalId,unitCode,title,role,startDate",
                first + "," + unit.getString("code") + ",副局长,DEPUTY_IN_CHARGE," + LocalDate.now().minusYears(2),
                second + "," + unit.getString("code") + ",科员,STAFF," + LocalDate.now().minusYears(1));
        assertEquals(List.of("CREATED", "CREATED"),
                importing("POST", "text/csv", postsFile, false).getList("rows.status"));

        assertEquals(List.of("UNCHANGED", "UNCHANGED", "REJECTED"),
                importing("OFFICIAL", "application/x-ndjson", officials, false).getList("rows.status"));
        assertEquals(List.of("UNCHANGED", "UNCHANGED"),
                importing("POST", "text/csv", postsFile, false).getList("rows.status"));
    }

    @Test
    void onlyHrAndAdminsImportAndAKeyedImportSaysWhatItsBodyIs() {
        as("commission-1", "commission").contentType("text/csv").queryParam("entity", "UNIT")
                .body(csv("code,name,type")).post("/api/v1/imports").then().statusCode(403);
        as("hr-1", "hr").contentType("text/csv").queryParam("entity", "UNIT")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(csv("code,name,type")).post("/api/v1/imports").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
    }
}
