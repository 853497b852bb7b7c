package org.zuofeng.clue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Contract;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.LogCapture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.clue.Reporting.REPORTS;
import static org.zuofeng.clue.Reporting.from;
import static org.zuofeng.support.Api.as;

/**
 * Reporting with no account: a solved challenge buys a receipt, the receipt (in a body) reads the report and answers
 * the commission; the receipt is kept only as a keyed hash, lookups and reports are limited per address and hour, and
 * no address of a reporter is kept in the database or written to the log.
 */
@QuarkusTest
@TestProfile(PublicReportTest.BehindAProxy.class)
class PublicReportTest {

    /** Each test reports from addresses of its own. */
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(new Random().nextInt(200));

    /** Two reports and four lookups an hour per address, behind a reverse proxy on loopback. */
    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zuofeng.public.trusted-proxies", "127.0.0.1", "zuofeng.reports.per-address-hourly", "2",
                    "zuofeng.reports.lookups-per-address-hourly", "4");
        }
    }

    @Inject
    EntityManager em;

    private static String anAddress() {
        return "192.0.2." + (1 + NEXT_HOST.getAndIncrement() % 254);
    }

    private static String unitCode() {
        return Fixtures.aUnit().under(Fixtures.aDistrict()).create().getString("code");
    }

    @Test
    void anAnonymousReportIsFollowedWithItsReceiptAndAnswersTheCommissionsQuestion() {
        String address = anAddress();
        String title = "大厅窗口无人办事 " + Fixtures.uniqueCode("R");
        Map<String, Object> report = Reporting.about(unitCode(), title);
        report.put("work", Reporting.work(address));
        JsonPath receipt = from(address).body(report).post(REPORTS).then()
                .statusCode(201)
                .header("Cache-Control", equalTo("no-store"))
                .body("receipt", matchesPattern("\\d{16}"))
                .body("status", equalTo("RECEIVED"))
                .body("realName", equalTo(false))
                .extract().jsonPath();
        assertEquals(receipt.getString("receipt"), receipt.getString("receiptGrouped").replace(" ", ""));

        from(address).body(Map.of("receipt", receipt.getString("receiptGrouped"))).post(REPORTS + "/status").then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("status", equalTo("RECEIVED"))
                .body("title", equalTo(title))
                .body("messages", hasSize(0));

        JsonPath clue = as("commission-1", "commission").queryParam("source", "PUBLIC_REPORT").queryParam("limit", 100)
                .get("/api/v1/clues").then().statusCode(200).extract().jsonPath();
        String clueId = clue.getString("items.find { it.title == '" + title + "' }.id");
        as("commission-1", "commission").body(Map.of("body", "请问具体是哪一个窗口？"))
                .post("/api/v1/clues/{id}/questions", clueId).then()
                .statusCode(200)
                .body("report.messages[0].sender", equalTo("COMMISSION"))
                .body("report.messages[0].author", equalTo("commission-1"));

        from(address).body(Map.of("receipt", receipt.getString("receipt"))).post(REPORTS + "/status").then()
                .statusCode(200)
                .body("messages", hasSize(1))
                .body("messages[0].sender", equalTo("COMMISSION"))
                .body("messages[0].body", equalTo("请问具体是哪一个窗口？"))
                .body("messages[0].author", nullValue());
        from(address).body(Map.of("receipt", receipt.getString("receipt"), "body", "3号窗口。"))
                .post(REPORTS + "/answers").then()
                .statusCode(200)
                .body("messages", hasSize(2))
                .body("messages[1].sender", equalTo("REPORTER"));
        from(anAddress()).body(Map.of("receipt", receipt.getString("receipt"), "body", "再补充一句。"))
                .post(REPORTS + "/answers").then()
                .statusCode(409);

        as("auditor-1", "auditor").get("/api/v1/clues/{id}", clueId).then()
                .statusCode(200)
                .body("source", equalTo("PUBLIC_REPORT"))
                .body("status", equalTo("REGISTERED"))
                .body("number", matchesPattern("\\d{4}-\\d{4}"))
                .body("createdBy", equalTo("public"))
                .body("report.realName", equalTo(false))
                .body("report.messages[1].body", equalTo("3号窗口。"));
    }

    @Test
    void aReportCostsASolvedChallengeAndEachChallengeIsTakenOnce() {
        String address = anAddress();
        Map<String, Object> report = Reporting.about(unitCode(), "无挑战的举报");
        from(address).noFilters().filter(Contract.RESPONSES_ONLY).body(report).post(REPORTS).then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        Map<String, String> work = Reporting.work(address);
        Map<String, Object> unsolved = new HashMap<>(report);
        unsolved.put("work", Map.of("challenge", work.get("challenge"),
                "solution", Reporting.wrongAnswer(work.get("challenge"), 8)));
        from(anAddress()).body(unsolved).post(REPORTS).then()
                .statusCode(400).body("code", equalTo("WORK_REFUSED"));
        Map<String, Object> forged = new HashMap<>(report);
        String[] parts = work.get("challenge").split("\\.");
        forged.put("work", Map.of("challenge", parts[0] + "." + parts[0], "solution", work.get("solution")));
        from(anAddress()).body(forged).post(REPORTS).then()
                .statusCode(400).body("code", equalTo("WORK_REFUSED"));

        Map<String, Object> solved = new HashMap<>(report);
        solved.put("work", work);
        from(anAddress()).body(solved).post(REPORTS).then().statusCode(201);
        from(anAddress()).body(solved).post(REPORTS).then()
                .statusCode(400).body("code", equalTo("WORK_REFUSED"));
    }

    @Test
    void anonymousReportersShareNoIdempotencyKey() {
        String key = java.util.UUID.randomUUID().toString();
        String code = unitCode();
        Map<String, Object> first = Reporting.about(code, "同一个键");
        first.put("work", Reporting.work(anAddress()));
        String one = from(anAddress()).header("Idempotency-Key", key).body(first).post(REPORTS).then()
                .statusCode(201).extract().path("receipt");
        Map<String, Object> second = Reporting.about(code, "同一个键");
        second.put("work", Reporting.work(anAddress()));
        String other = from(anAddress()).header("Idempotency-Key", key).body(second).post(REPORTS).then()
                .statusCode(201).header("Idempotency-Replayed", nullValue()).extract().path("receipt");
        assertNotEquals(one, other, "a key does not hand one reporter's receipt to another");
    }

    @Test
    void theReceiptIsKeptOnlyAsAKeyedHashAndBadReceiptsAreAnsweredAlike() {
        String receipt = Reporting.send(anAddress(), Reporting.about(unitCode(), "只存查询码的哈希"));
        long clear = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from public_reports r where r::text like :receipt")
                .setParameter("receipt", "%" + receipt + "%").getSingleResult()).longValue());
        assertEquals(0, clear, "no report row holds the receipt");

        String address = anAddress();
        String wrong = receipt.startsWith("0") ? "1" + receipt.substring(1) : "0" + receipt.substring(1);
        String first = from(address).body(Map.of("receipt", wrong)).post(REPORTS + "/status").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND")).extract().path("detail");
        String second = from(address).body(Map.of("receipt", "1234-5678-9012-3456")).post(REPORTS + "/status").then()
                .statusCode(404).extract().path("detail");
        assertEquals(first, second, "every receipt that opens nothing gets the same answer");
        from(address).body(Map.of("receipt", "12345")).post(REPORTS + "/status").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void lookupsAndReportsAreLimitedPerAddressAndHour() {
        String receipt = Reporting.send(anAddress(), Reporting.about(unitCode(), "查询限流"));
        String guesser = anAddress();
        for (int i = 0; i < 4; i++) {
            from(guesser).body(Map.of("receipt", "0000 0000 0000 000" + i)).post(REPORTS + "/status").then()
                    .statusCode(404);
        }
        from(guesser).body(Map.of("receipt", receipt)).post(REPORTS + "/status").then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("RATE_LIMITED"));
        from(anAddress()).body(Map.of("receipt", receipt)).post(REPORTS + "/status").then().statusCode(200);

        String reporter = anAddress();
        String code = unitCode();
        Reporting.send(reporter, Reporting.about(code, "第一件"));
        Reporting.send(reporter, Reporting.about(code, "第二件"));
        Map<String, Object> third = Reporting.about(code, "第三件");
        third.put("work", Reporting.work(reporter));
        from(reporter).body(third).post(REPORTS).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void noAddressOfAReporterIsKeptInTheDatabaseOrWrittenToTheLog() {
        String address = "198.51.100." + (1 + NEXT_HOST.getAndIncrement() % 254);
        String receipt;
        List<String> logged;
        try (LogCapture log = LogCapture.start()) {
            Map<String, Object> report = Reporting.about(unitCode(), "不留地址");
            report.put("identity", Map.of("name", "李四", "contact", "13800000000"));
            receipt = Reporting.send(address, report);
            from(address).body(Map.of("receipt", receipt)).post(REPORTS + "/status").then()
                    .statusCode(200).body("realName", equalTo(true));
            logged = log.lines();
        }
        assertTrue(logged.stream().noneMatch(line -> line.contains(address) || line.contains(receipt)),
                () -> "logged: " + logged);

        List<String> holding = QuarkusTransaction.requiringNew().call(() -> {
            List<String> tables = em.createNativeQuery("select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE'").getResultList();
            List<String> found = new ArrayList<>();
            for (String table : tables) {
                Number rows = (Number) em.createNativeQuery("select count(*) from \"" + table + "\" t"
                                + " where t::text like :address or t::text like :name")
                        .setParameter("address", "%" + address + "%").setParameter("name", "%李四%")
                        .getSingleResult();
                if (rows.longValue() > 0) {
                    found.add(table);
                }
            }
            return found;
        });
        assertEquals(List.of(), holding, "tables holding the reporter's address or their name in clear");
        long traced = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_events where actor = 'public' and (request_id is not null"
                        + " or trace_id is not null or occurred_at <> date_trunc('day', occurred_at,"
                        + " 'Asia/Shanghai'))").getSingleResult()).longValue());
        assertEquals(0, traced, "a report's audit event has no request id, no trace id and the day only");

        String sealed = QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "select encode(identity_sealed, 'hex') from public_reports where title = '不留地址'")
                .getResultList().getFirst()));
        assertNotEquals("null", sealed, "a real-name reporter's identity is kept, sealed");
    }
}
