package org.zuofeng.accountability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.zuofeng.support.Api.as;

/** Every case decision is a formal document (处分决定), numbered per year without gaps, and stays on file. */
@QuarkusTest
class CaseDocumentTest {

    private static final String CASES = "/api/v1/accountability-cases";
    private static final Pattern NUMBER = Pattern.compile("榕纪处〔(\\d{4})〕(\\d+)号");

    private static JsonPath violationBy(String name, JsonPath unit) {
        JsonPath subject = Fixtures.anOfficial().named(name).create();
        Fixtures.aPost(subject, unit).from(Fixtures.today().minusYears(1)).create();
        return as("commission-1", "commission").body(Map.of("subjectOfficialId", subject.getString("id"),
                        "unitId", unit.getString("id"), "kind", "VIOLATION",
                        "occurredOn", Fixtures.today().minusDays(10).toString(), "summary", "工作日上班时间在办公室玩网络游戏。"))
                .post(CASES).then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath decide(String caseId, List<String> measures, LocalDate on) {
        return as("commission-1", "commission").body(Map.of("measures", measures, "decidedOn", on.toString(),
                        "basis", "《中国共产党纪律处分条例》第一百二十一条"))
                .post(CASES + "/{id}/decision", caseId).then().statusCode(201).extract().jsonPath();
    }

    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    @Test
    void aDecisionRendersWithItsNumberFactsBasisMeasuresAndTheRightOfAppeal() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).named("榕城区国土资源局").create();
        JsonPath violation = violationBy("郑晓东", unit);
        LocalDate decidedOn = Fixtures.today().minusDays(2);
        JsonPath decided = decide(violation.getString("id"), List.of("PARTY_WARNING", "DEMERIT"), decidedOn);
        String number = decided.getString("decision.documentNumber");
        Matcher parts = NUMBER.matcher(number);
        assertThat(number, parts.matches(), equalTo(true));
        assertThat(Integer.parseInt(parts.group(1)), equalTo(decidedOn.getYear()));

        Pdf pdf = Pdf.download("commission-1", "commission", CASES + "/{id}/document", violation.getString("id"));

        String text = pdf.flatText();
        assertThat(text, containsString("中共榕城区纪律检查委员会"));
        assertThat(text, containsString(number));
        assertThat(text, containsString("关于给予郑晓东党内警告、记过处分的决定"));
        assertThat(text, containsString("榕城区国土资源局："));
        assertThat(text, containsString("工作日上班时间在办公室玩网络游戏。"));
        assertThat(text, containsString("《中国共产党纪律处分条例》第一百二十一条"));
        assertThat(text, containsString("决定给予郑晓东党内警告、记过处分。"));
        assertThat(text, containsString("一个月内提出申诉"));
        assertThat(text, containsString(chinese(decidedOn)));
        assertThat(Pdf.download("commission-1", "commission", CASES + "/{id}/document",
                violation.getString("id")).bytes(), equalTo(pdf.bytes()));
    }

    @Test
    void aSupersededDecisionKeepsItsDocumentAndAnUndecidedCaseHasNone() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath violation = violationBy("陈立新", unit);
        String id = violation.getString("id");
        Api.downloadAs("commission-1", "commission").accept("application/pdf").get(CASES + "/{id}/document", id)
                .then().statusCode(409).body("code", equalTo("DOCUMENT_NOT_ISSUED"));
        JsonPath first = decide(id, List.of("DEMERIT"), Fixtures.today().minusDays(5));
        JsonPath appealed = as("commission-1", "commission").body(Map.of("text", "处分过重",
                "filedOn", Fixtures.today().minusDays(2).toString())).post(CASES + "/{id}/appeals", id)
                .then().statusCode(201).extract().jsonPath();
        JsonPath revised = as("commission-1", "commission").body(Map.of("outcome", "REVISED", "reason", "情节较轻",
                        "decision", Map.of("measures", List.of("CRITICISM_BULLETIN"),
                                "decidedOn", Fixtures.today().toString(), "basis", "复查决定")))
                .post(CASES + "/{id}/appeals/{appealId}/resolution", id, appealed.getString("appeals[0].id"))
                .then().statusCode(200).extract().jsonPath();

        String standing = Pdf.download("commission-1", "commission", CASES + "/{id}/document", id).flatText();
        String superseded = Pdf.download("commission-1", "commission", CASES + "/{id}/document?decisionId={d}", id,
                first.getString("decision.id")).flatText();

        assertThat(standing, containsString(revised.getString("decision.documentNumber")));
        assertThat(standing, containsString("关于对陈立新予以通报批评的决定"));
        assertThat(superseded, containsString(first.getString("decision.documentNumber")));
        assertThat(superseded, containsString("关于给予陈立新记过处分的决定"));
        assertThat(superseded, not(containsString("通报批评")));
        Api.downloadAs("commission-1", "commission").accept("application/pdf")
                .get(CASES + "/{id}/document?decisionId={d}", id, java.util.UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void decisionsMadeAtTheSameMomentTakeConsecutiveNumbers() throws Exception {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        int n = 8;
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(violationBy("当事人" + i, unit).getString("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> numbers = new ArrayList<>();
            for (String id : cases) {
                numbers.add(pool.submit(() -> {
                    start.await();
                    return decide(id, List.of("ADMONISHMENT_TALK"), Fixtures.today())
                            .getString("decision.documentNumber");
                }));
            }
            start.countDown();
            List<Integer> sequences = new ArrayList<>();
            for (Future<String> number : numbers) {
                Matcher parts = NUMBER.matcher(number.get());
                assertThat(parts.matches(), equalTo(true));
                sequences.add(Integer.parseInt(parts.group(2)));
            }
            sequences.sort(null);
            for (int i = 1; i < n; i++) {
                assertThat("no gap and no twin: " + sequences, sequences.get(i), equalTo(sequences.get(i - 1) + 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
