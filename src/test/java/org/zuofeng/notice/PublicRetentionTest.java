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
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/** What is published stays public for a while (exposures three years), then leaves the public API, not the record. */
@QuarkusTest
class PublicRetentionTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static List<String> publicTitles() {
        return Api.anonymous().queryParam("limit", 500).get("/api/v1/public/exposures").then().statusCode(200)
                .extract().jsonPath().getList("items.title", String.class);
    }

    @Test
    void anExposureLeavesThePublicApiThreeYearsAfterItWasIssuedAndStaysInTheRecord() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String title = "关于" + Fixtures.uniqueCode("曝光") + "的通报";
        JsonPath issued = Fixtures.aNotice("PUBLIC_EXPOSURE", unit).with("title", title).issued();
        assertTrue(publicTitles().contains(title), "published");

        clock.advance(Duration.ofDays(3 * 365 - 2));
        assertTrue(publicTitles().contains(title), "still public just before three years are over");
        clock.advance(Duration.ofDays(4));
        assertEquals(false, publicTitles().contains(title), "gone from the public API after three years");
        as("commission-1", "commission").get("/api/v1/supervision-notices/{id}", issued.getString("id")).then()
                .statusCode(200).body("title", equalTo(title));
    }
}
