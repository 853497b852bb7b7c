package org.zuofeng.exports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.common.openapi.Contract;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;
import static org.zuofeng.support.Api.downloadAs;

/** Bulk exports: the list as its endpoint shows it to the requester, in a file made in the background. */
@QuarkusTest
class ExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ExportRunner runner;

    @Inject
    Contract contract;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String export(String subject, String role, String entity, String format, Map<String, String> filters) {
        Response answer = as(subject, role).body(Map.of("entity", entity, "format", format, "filters", filters))
                .post("/api/v1/exports");
        answer.then().statusCode(202).header("Location", endsWith("/api/v1/exports/" + answer.path("id")))
                .body("status", equalTo("QUEUED"));
        return answer.path("id");
    }

    private byte[] content(String subject, String role, String id) {
        return downloadAs(subject, role).get("/api/v1/exports/{id}/content", id).then().statusCode(200)
                .extract().asByteArray();
    }

    @Test
    void aCsvExportOpensWithAByteOrderMarkAndTheContractsMembersAndHoldsTheListRowForRow() {
        JsonPath district = Fixtures.aDistrict();
        Fixtures.aUnit().under(district).named("区住建局，\"窗口\"服务中心").create();
        Fixtures.aUnit().under(district).named("区人社局便民服务站").create();
        String id = export("hr-1", "hr", "UNIT", "CSV", Map.of("ancestorId", district.getString("id")));
        runner.runQueued();
        as("hr-1", "hr").get("/api/v1/exports/{id}", id).then().statusCode(200)
                .body("status", equalTo("DONE")).body("rowCount", equalTo(3));

        byte[] file = content("hr-1", "hr", id);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(file, 3),
                "UTF-8 with a byte-order mark");
        List<List<String>> rows = csv(new String(file, 3, file.length - 3, StandardCharsets.UTF_8));
        List<String> members = new ArrayList<>();
        contract.document().at("/components/schemas/Unit/properties").fieldNames().forEachRemaining(members::add);
        assertEquals(members, rows.get(0), "the header is the contract's members of a Unit");

        List<Map<String, Object>> listed = as("hr-1", "hr").queryParam("ancestorId", district.getString("id"))
                .get("/api/v1/units").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(listed.size(), rows.size() - 1, "as many rows as the list has");
        for (int i = 0; i < listed.size(); i++) {
            Map<String, Object> item = listed.get(i);
            List<String> row = rows.get(i + 1);
            for (int c = 0; c < members.size(); c++) {
                Object value = item.get(members.get(c));
                String expected = value == null ? "" : value instanceof Map || value instanceof List
                        ? write(value) : String.valueOf(value);
                assertEquals(expected, row.get(c), "row " + (i + 1) + ", " + members.get(c));
            }
        }
    }

    @Test
    void anNdjsonExportIsMaskedAndWithheldExactlyAsTheListIs() throws Exception {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Fixtures.aPost(Fixtures.anOfficial().create(), unit).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath open = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        Fixtures.aFinding(open, unit).createAs(lead);
        JsonPath current = as(lead, "inspector").get("/api/v1/inspections/{id}", open.getString("id")).then()
                .extract().jsonPath();
        Fixtures.transition(as(lead, "inspector"), "/api/v1/inspections", current,
                Map.of("to", "COMPLETED", "summary", "明查结束"));
        JsonPath covert = Fixtures.anInspection("COVERT", unit).lead(lead).started();
        Fixtures.aFinding(covert, unit).createAs(lead);

        for (String[] asked : new String[][] {{"OFFICIAL", "inspector-1", "inspector"},
                {"FINDING", "integration-1", "integration"}, {"FINDING", "commission-1", "commission"}}) {
            // The integration client sees the open inspection's finding (it is completed), not the covert one's.
            String id = export(asked[1], asked[2], asked[0], "NDJSON", Map.of("unitId", unit.getString("id")));
            runner.runQueued();
            List<Object> lines = new ArrayList<>();
            for (String line : new String(content(asked[1], asked[2], id), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(JSON.readValue(line, Object.class));
                }
            }
            String path = asked[0].equals("OFFICIAL") ? "/api/v1/officials" : "/api/v1/findings";
            List<Object> listed = as(asked[1], asked[2]).queryParam("unitId", unit.getString("id")).get(path)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            assertEquals(listed, lines, asked[0] + " as " + asked[2] + " sees them in the list");
            assertEquals(false, listed.isEmpty(), asked[0] + " as " + asked[2] + ": there is something to see");
            if (asked[0].equals("FINDING")) {
                assertEquals(asked[2].equals("integration") ? 1 : 2, lines.size(),
                        "the covert visit's finding only for the commission while it is under way");
            }
        }
    }

    @Test
    void anExportIsFetchedOnlyByWhoAskedForItAndCompressedWhenAsked() {
        JsonPath district = Fixtures.aDistrict();
        String id = export("hr-1", "hr", "UNIT", "NDJSON", Map.of("ancestorId", district.getString("id")));
        runner.runQueued();

        as("hr-2", "hr").get("/api/v1/exports/{id}", id).then().statusCode(404);
        downloadAs("hr-2", "hr").get("/api/v1/exports/{id}/content", id).then().statusCode(404);
        byte[] plain = content("hr-1", "hr", id);
        byte[] unzipped = downloadAs("hr-1", "hr").header("Accept-Encoding", "gzip")
                .get("/api/v1/exports/{id}/content", id).then().statusCode(200)
                .header("Content-Encoding", "gzip").extract().asByteArray();
        assertArrayEquals(plain, unzipped, "the same file, compressed on the way");
    }

    @Test
    void aFilterTheListDoesNotTakeOrOfTheWrongFormIsRefusedAtOnce() {
        as("hr-1", "hr").body(Map.of("entity", "UNIT", "format", "CSV", "filters", Map.of("colour", "red")))
                .post("/api/v1/exports").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].pointer", equalTo("/filters/colour"));
        as("hr-1", "hr").body(Map.of("entity", "UNIT", "format", "CSV", "filters", Map.of("parentId", "nope")))
                .post("/api/v1/exports").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/filters/parentId"));
        as("hr-1", "hr").body(Map.of("entity", "POST", "format", "CSV", "filters", Map.of()))
                .post("/api/v1/exports").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/filters/officialId"));
    }

    @Test
    void theFileIsNotReadyBeforeTheJobIsDoneAndGoneADayAfter() {
        String id = export("hr-1", "hr", "UNIT", "CSV", Map.of("ancestorId", Fixtures.aDistrict().getString("id")));
        downloadAs("hr-1", "hr").get("/api/v1/exports/{id}/content", id).then().statusCode(409)
                .body("code", equalTo("EXPORT_NOT_READY"));
        runner.runQueued();
        content("hr-1", "hr", id);

        clock.advance(Duration.ofHours(25));
        runner.expire();
        as("hr-1", "hr").get("/api/v1/exports/{id}", id).then().body("status", equalTo("EXPIRED"));
        downloadAs("hr-1", "hr").get("/api/v1/exports/{id}/content", id).then().statusCode(410)
                .body("code", equalTo("EXPORT_EXPIRED"));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The records of an RFC 4180 file, as Apache Commons CSV reads them. */
    private static List<List<String>> csv(String text) {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
