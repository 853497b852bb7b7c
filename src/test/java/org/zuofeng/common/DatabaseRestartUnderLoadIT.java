package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.PostgresResource;
import org.zuofeng.support.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stopped and started again while clients keep writing to the packaged jar: every write that was
 * acknowledged is there afterwards, whole (with its audit event); nothing half-written is; requests during the outage
 * are 503 problems with Retry-After within a bounded time, never 500s or hangs; and the service recovers by itself.
 */
@QuarkusIntegrationTest
class DatabaseRestartUnderLoadIT {

    private static final int WRITERS = 4;
    private static final Duration BOUND = Duration.ofSeconds(12);

    /** One write and what came of it. */
    record Attempt(String code, int status, String contentType, String retryAfter, String id, Duration took,
            Instant at) {
    }

    @Test
    void writesAcknowledgedThroughADatabaseRestartAreAllThereAndNothingElseIsHalfWritten() throws Exception {
        String district = Fixtures.aDistrict().getString("id");
        String token = Tokens.token("hr-1", "hr");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        Instant stopped;
        Instant restarted;
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    while (writing.get()) {
                        attempts.add(write(http, token, district));
                    }
                    return null;
                }));
            }
            Thread.sleep(2_000);
            stopped = Instant.now();
            PostgresResource.stopDatabase();
            Thread.sleep(6_000);
            restarted = Instant.now();
            PostgresResource.startDatabase();
            Thread.sleep(8_000);
        } finally {
            PostgresResource.startDatabase();
            writing.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "every writer has finished");
        }
        for (Future<?> writer : writers) {
            writer.get();
        }

        List<String> failures = new ArrayList<>();
        List<Attempt> all = List.copyOf(attempts);
        for (Attempt attempt : all) {
            if (attempt.status() == 201) {
                continue;
            }
            if (attempt.status() != 503 || !attempt.contentType().startsWith("application/problem+json")
                    || attempt.retryAfter() == null) {
                failures.add(attempt.code() + ": " + attempt.status() + " " + attempt.contentType());
            }
        }
        all.stream().filter(a -> a.took().compareTo(BOUND) > 0)
                .forEach(a -> failures.add(a.code() + " took " + a.took()));
        assertEquals(List.of(), failures, "during the outage only 503 problems, each within " + BOUND);
        assertTrue(all.stream().anyMatch(a -> a.status() == 503), "the outage was seen");
        assertTrue(all.stream().anyMatch(a -> a.status() == 201 && a.at().isBefore(stopped)), "writes went in before");
        assertTrue(all.stream().anyMatch(a -> a.status() == 201 && a.at().isAfter(restarted.plusSeconds(1))),
                "and again after the restart, without restarting the service");

        for (Attempt attempt : all) {
            List<String> kept = RestAssured.given().auth().oauth2(token).queryParam("q", attempt.code())
                    .queryParam("ancestorId", district).get("/api/v1/units").then().statusCode(200)
                    .extract().jsonPath().getList("items.id", String.class);
            if (attempt.status() == 201) {
                assertEquals(List.of(attempt.id()), kept, attempt.code() + " was acknowledged and is there");
            } else {
                assertTrue(kept.size() <= 1, attempt.code() + " is there at most once");
            }
            for (String id : kept) {
                RestAssured.given().auth().oauth2(Tokens.token("auditor-1", "auditor")).queryParam("entityId", id)
                        .queryParam("action", "CREATE").get("/api/v1/audit-events").then()
                        .statusCode(200)
                        .body("items.size()", org.hamcrest.Matchers.equalTo(1));
            }
        }
    }

    private static Attempt write(HttpClient http, String token, String district) {
        String code = Fixtures.uniqueCode("LOAD");
        String body = "{\"code\":\"" + code + "\",\"name\":\"负载单位\",\"type\":\"AGENCY\",\"parentId\":\"" + district
                + "\"}";
        Instant start = Instant.now();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + RestAssured.port + "/api/v1/units"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = response.statusCode() == 201 ? JsonPath.from(response.body()).getString("id") : null;
            return new Attempt(code, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), id,
                    Duration.between(start, Instant.now()), start);
        } catch (Exception e) {
            return new Attempt(code, -1, e.toString(), null, null, Duration.between(start, Instant.now()), start);
        }
    }
}
