package org.zuofeng.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;

/**
 * Numbers are given at issue, per type and calendar year in Asia/Shanghai, from 1, without gaps or duplicates even
 * under concurrent issuing. Each test moves the clock into a year of its own, so that it starts from number 1.
 */
@QuarkusTest
class NoticeNumberingTest {

    private static final String NOTICES = "/api/v1/supervision-notices";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiftyNoticesIssuedAtOnceGetExactlyTheNumbersOneToFifty() throws Exception {
        moveTo(ZonedDateTime.of(2044, 3, 1, 10, 0, 0, 0, SHANGHAI));
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        List<JsonPath> drafts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            drafts.add(Fixtures.aNotice("SITUATION_BULLETIN", unit).draft());
        }

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> issued = new ArrayList<>();
        try {
            for (JsonPath draft : drafts) {
                issued.add(pool.submit(() -> {
                    start.await();
                    return as("commission-1", "commission").header("If-Match", "\"" + draft.getLong("version") + "\"")
                            .body(Map.of("to", "ISSUED")).post(NOTICES + "/{id}/transitions", draft.getString("id"))
                            .then().statusCode(200)
                            .body("serialNumber.year", equalTo(2044))
                            .extract().jsonPath().getInt("serialNumber.sequence");
                }));
            }
            start.countDown();
            Set<Integer> sequences = new TreeSet<>();
            for (Future<Integer> answer : issued) {
                sequences.add(answer.get());
            }
            assertEquals(IntStream.rangeClosed(1, 50).boxed().collect(Collectors.toSet()), sequences);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void numberingRestartsOnTheFirstOfJanuaryInShanghaiTime() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        moveTo(ZonedDateTime.of(2045, 12, 31, 23, 58, 0, 0, SHANGHAI));
        JsonPath last = issue(Fixtures.aNotice("ADMONITION_TALK", unit).with("officialIds",
                List.of(officialOf(unit))).draft());
        assertThat(last.getString("serialNumber.label"), equalTo("2045年第1期"));

        // 2046-01-01 00:01 in Shanghai is still 31 December in UTC.
        moveTo(ZonedDateTime.of(2046, 1, 1, 0, 1, 0, 0, SHANGHAI));
        JsonPath first = issue(Fixtures.aNotice("ADMONITION_TALK", unit).with("officialIds",
                List.of(officialOf(unit))).draft());
        assertThat(first.getInt("serialNumber.year"), equalTo(2046));
        assertThat(first.getInt("serialNumber.sequence"), equalTo(1));
        assertThat(first.getString("serialNumber.label"), equalTo("2046年第1期"));
    }

    /** An official holding a post in the unit, whom an admonition talk to it may summon. */
    private static String officialOf(JsonPath unit) {
        JsonPath official = Fixtures.anOfficial().create();
        Fixtures.aPost(official, unit).create();
        return official.getString("id");
    }

    @Test
    void draftsConsumeNoNumberAndDeletedDraftsLeaveNoGap() {
        moveTo(ZonedDateTime.of(2047, 5, 1, 9, 0, 0, 0, SHANGHAI));
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath deleted = Fixtures.aNotice("PUBLIC_EXPOSURE", unit).draft();
        assertThat(deleted.get("serialNumber"), nullValue());
        as("commission-1", "commission").accept("*/*").header("If-Match", "\"" + deleted.getLong("version") + "\"")
                .delete(NOTICES + "/{id}", deleted.getString("id")).then().statusCode(204);
        as("commission-1", "commission").get(NOTICES + "/{id}", deleted.getString("id")).then().statusCode(404);
        Fixtures.aNotice("PUBLIC_EXPOSURE", unit).draft();

        JsonPath issued = issue(Fixtures.aNotice("PUBLIC_EXPOSURE", unit).draft());
        assertThat(issued.getInt("serialNumber.sequence"), equalTo(1));
        JsonPath second = issue(Fixtures.aNotice("PUBLIC_EXPOSURE", unit).draft());
        assertThat(second.getInt("serialNumber.sequence"), equalTo(2));

        Api.invalidAs("commission-1", "commission").header("If-Match", "\"" + issued.getLong("version") + "\"")
                .delete(NOTICES + "/{id}", issued.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo("NOTICE_ISSUED"));
    }

    @Test
    void aWithdrawnNoticeKeepsItsNumberWhichIsNeverGivenAgain() {
        moveTo(ZonedDateTime.of(2048, 6, 1, 9, 0, 0, 0, SHANGHAI));
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath issued = issue(Fixtures.aNotice("SITUATION_BULLETIN", unit).draft());
        JsonPath withdrawn = Fixtures.transition(as("commission-1", "commission"), NOTICES, issued,
                Map.of("to", "WITHDRAWN", "note", "印发有误"));
        assertThat(withdrawn.getString("serialNumber.label"), equalTo("2048年第1期"));
        JsonPath next = issue(Fixtures.aNotice("SITUATION_BULLETIN", unit).draft());
        assertThat(next.getInt("serialNumber.sequence"), equalTo(2));
    }

    private static JsonPath issue(JsonPath draft) {
        return Fixtures.transition(as("commission-1", "commission"), NOTICES, draft, Map.of("to", "ISSUED"));
    }

    private void moveTo(ZonedDateTime when) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), when.toInstant()));
    }
}
