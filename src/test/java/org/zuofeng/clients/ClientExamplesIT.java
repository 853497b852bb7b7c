package org.zuofeng.clients;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.client.java.model.Problem;
import org.zuofeng.client.java.model.Unit;
import org.zuofeng.client.java.model.UnitStatus;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Processes;
import org.zuofeng.support.Tokens;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The client examples other teams start from, run against the packaged jar: the Java one on the client generated
 * from the contract (openapi-generator's {@code java}), the TypeScript one ({@code npm run example} in openapi/, on
 * openapi-fetch) as a child process. Each signs in with a real token, lists units page by page, records a finding
 * and reads a problem; what they did is then checked through the API.
 */
@QuarkusIntegrationTest
class ClientExamplesIT {

    private static final Path OPENAPI = Path.of("openapi");
    private static final Pattern RECORDED = Pattern.compile("finding ([0-9a-f-]{36}) is OPEN");

    record Scene(String lead, JsonPath inspection, List<String> unitIds, String streetCode) {
    }

    /** An inspection IN_PROGRESS led by a new inspector, about a street with five agencies beside it. */
    private static Scene scene() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        List<String> ids = Stream.concat(Stream.of(district, street),
                Stream.generate(() -> Fixtures.aUnit().under(district).create()).limit(5))
                .map(unit -> unit.getString("id")).toList();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", street).lead(lead).started();
        return new Scene(lead, inspection, ids, street.getString("code"));
    }

    private static String baseUrl() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    @Test
    void theJavaExampleSignsInPagesRecordsOnceAndReadsAProblem() throws Exception {
        Scene scene = scene();
        UUID inspectionId = UUID.fromString(scene.inspection().getString("id"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        JavaClientExample.Outcome outcome = new JavaClientExample(baseUrl(),
                () -> Tokens.token(scene.lead(), "inspector"), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .pageSize(5)
                .run(inspectionId);

        assertEquals(scene.lead(), outcome.me().getSubject());
        assertTrue(outcome.me().getRoles().contains("inspector"), outcome.me().getRoles()::toString);
        List<String> listed = outcome.units().stream().map(unit -> unit.getId().toString()).toList();
        assertTrue(outcome.pages() >= 2, "pages: " + outcome.pages());
        assertEquals(listed.size(), listed.stream().distinct().count(), "a unit listed twice across pages");
        assertTrue(listed.containsAll(scene.unitIds()), "the scene's units are not all listed");
        assertTrue(outcome.units().stream().map(Unit::getStatus).allMatch(UnitStatus.ACTIVE::equals));

        assertEquals(201, outcome.created().getStatusCode());
        assertEquals(201, outcome.replayed().getStatusCode());
        assertEquals(List.of("true"), outcome.replayed().getHeaders().get("Idempotency-Replayed"));
        assertEquals(outcome.created().getData().getId(), outcome.replayed().getData().getId());
        String findingId = outcome.created().getData().getId().toString();
        assertRecordedOnce(scene, findingId);

        Problem problem = outcome.problem();
        assertEquals(400, problem.getStatus());
        assertEquals(Problem.CodeEnum.VALIDATION_FAILED, problem.getCode());
        assertEquals("/observedAt", problem.getErrors().getFirst().getPointer());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("finding " + findingId + " is OPEN"),
                printed::toString);
    }

    @Test
    void theTypeScriptExampleRunsWithNpmAndRecordsItsFinding() throws Exception {
        Path npm = onPath("npm");
        assumeTrue(npm != null, "npm is not on the PATH: the TypeScript example (openapi/) needs Node.js and npm");
        if (!Files.isExecutable(OPENAPI.resolve("node_modules/.bin/tsx"))) {
            int installed = run(List.of(npm.toString(), "ci", "--no-fund", "--no-audit"), Map.of(),
                    Duration.ofMinutes(5), Files.createTempFile("npm-ci", ".log"));
            assertEquals(0, installed, "npm ci in openapi/ failed");
        }
        Scene scene = scene();
        Path log = Files.createTempFile("units-and-finding", ".log");

        int exit = run(List.of(npm.toString(), "run", "--silent", "example"), Map.of(
                "ZUOFENG_URL", baseUrl(),
                "ZUOFENG_TOKEN", Tokens.token(scene.lead(), "inspector"),
                "ZUOFENG_INSPECTION_ID", scene.inspection().getString("id")), Duration.ofMinutes(2), log);

        String output = Processes.read(log);
        assertEquals(0, exit, output);
        assertTrue(output.contains("signed in as " + scene.lead() + " (inspector)"), output);
        assertTrue(output.contains(scene.streetCode() + "\tSUBDISTRICT\t"), output);
        Matcher recorded = RECORDED.matcher(output);
        assertTrue(recorded.find(), output);
        assertRecordedOnce(scene, recorded.group(1));
    }

    /** The inspection holds exactly the finding {@code id}, as the commission reads it. */
    private static void assertRecordedOnce(Scene scene, String id) {
        String inspectionId = scene.inspection().getString("id");
        Api.as("commission-1", "commission").get("/api/v1/findings/{id}", id).then()
                .statusCode(200)
                .body("inspectionId", equalTo(inspectionId))
                .body("createdBy", equalTo(scene.lead()))
                .body("location.address", equalTo("行政服务大厅 3 号窗口"));
        List<String> ids = Api.as("commission-1", "commission").queryParam("inspectionId", inspectionId)
                .get("/api/v1/findings").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(id), ids);
    }

    /** Runs {@code command} in openapi/ with {@code env} added, output to {@code log}; killed after {@code limit}. */
    private static int run(List<String> command, Map<String, String> env, Duration limit, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(OPENAPI.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            boolean done = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(done, () -> String.join(" ", command) + " ran over " + limit + ":\n" + Processes.tail(log, 40));
            return process.exitValue();
        } finally {
            Processes.stop(process, Duration.ofSeconds(5));
        }
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        return path == null ? null : Stream.of(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
    }
}
