package org.zuofeng.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Tokens;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/**
 * Imports of any size, bounded: a body over the limit is refused by its declared length before it is read, a large
 * one runs in the background with its rows' reports in pages, and one with more rows than allowed applies none.
 */
@QuarkusTest
@TestProfile(ImportJobTest.SmallLimits.class)
class ImportJobTest {

    /** Limits small enough to reach in a test. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zuofeng.imports.max-body-size", "100K", "zuofeng.imports.inline-size", "2K",
                    "zuofeng.imports.max-rows", "300");
        }
    }

    @Inject
    ImportRunner runner;

    private static Response send(String body, boolean dryRun) {
        return as("hr-1", "hr").config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("text/csv", ContentType.TEXT)))
                .contentType("text/csv; charset=utf-8").queryParam("entity", "UNIT").queryParam("dryRun", dryRun)
                .body(body).post("/api/v1/imports");
    }

    private static String units(String root, int count) {
        return "code,name,type,parentCode\r\n" + root + ",揭东区,DISTRICT,\r\n" + IntStream.range(0, count)
                .mapToObj(i -> root + "-" + i + ",第" + i + "村委会,VILLAGE_COMMITTEE," + root)
                .collect(Collectors.joining("\r\n")) + "\r\n";
    }

    @Test
    void aBodyOverTheLimitIsRefusedByItsDeclaredLengthBeforeItIsRead() {
        byte[] large = units(Fixtures.uniqueCode("L"), 4_000).getBytes(StandardCharsets.UTF_8);
        assertTrue(large.length > 100 * 1024);
        as("hr-1", "hr").contentType("text/csv; charset=utf-8").queryParam("entity", "UNIT")
                .body(new ByteArrayInputStream(large)).post("/api/v1/imports").then().statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void aBodyRefusedBeforeItIsReadClosesTheConnectionAndSaysSo() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/imports?entity=UNIT HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + Tokens.token("hr-1", "hr") + "\r\n"
                    + "Content-Type: text/csv; charset=utf-8\r\nContent-Length: 10000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n"),
                    "no client may reuse a connection the server closes: " + answer);
        }
    }

    @Test
    void aLargeImportRunsInTheBackgroundAndReportsEachRowInPages() {
        String root = Fixtures.uniqueCode("B");
        Response accepted = send(units(root, 120), false);
        accepted.then().statusCode(202).header("Location", startsWith("http"))
                .body("status", equalTo("QUEUED")).body("dryRun", equalTo(false));
        String id = accepted.jsonPath().getString("id");

        assertTrue(runner.runQueued() >= 1);
        as("hr-1", "hr").get("/api/v1/imports/{id}", id).then().statusCode(200)
                .body("status", equalTo("DONE")).body("rowCount", equalTo(121)).body("rowsDone", equalTo(121))
                .body("counts.CREATED", equalTo(121));
        JsonPath first = as("hr-1", "hr").queryParam("limit", 100).get("/api/v1/imports/{id}/rows", id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(100, first.getList("items").size());
        assertEquals(1, first.getInt("items[0].row"));
        JsonPath second = as("hr-1", "hr").queryParam("limit", 100).queryParam("cursor", first.getString("next"))
                .get("/api/v1/imports/{id}/rows", id).then().statusCode(200).extract().jsonPath();
        assertEquals(21, second.getList("items").size());
        assertEquals(121, second.getInt("items[20].row"));
        as("hr-2", "hr").get("/api/v1/imports/{id}", id).then().statusCode(404);
        as("hr-1", "hr").queryParam("code", root + "-119").get("/api/v1/units").then().statusCode(200)
                .body("items[0].name", equalTo("第119村委会"));
    }

    @Test
    void anImportOfMoreRowsThanAllowedAppliesNone() {
        String root = Fixtures.uniqueCode("M");
        String id = send(units(root, 400), false).then().statusCode(202).extract().jsonPath().getString("id");
        runner.runQueued();
        as("hr-1", "hr").get("/api/v1/imports/{id}", id).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("error", startsWith("Parameter 'body' is invalid: holds more"))
                .body("rowsDone", equalTo(0));
        as("hr-1", "hr").queryParam("code", root).get("/api/v1/units").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aLineTooLongForARowFailsTheImportBeforeAnyRowIsApplied() {
        String line = "x".repeat(ImportRows.MAX_ROW_CHARS + 1);
        String id = send("code,name,type,parentCode\r\n" + line + ",村,VILLAGE_COMMITTEE,\r\n", false).then()
                .statusCode(202).extract().jsonPath().getString("id");
        runner.runQueued();
        as("hr-1", "hr").get("/api/v1/imports/{id}", id).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("error", equalTo("Parameter 'body' is invalid: has a line "
                        + "longer than " + ImportRows.MAX_ROW_CHARS + " characters"));
    }
}
