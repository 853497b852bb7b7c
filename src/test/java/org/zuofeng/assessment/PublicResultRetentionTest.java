package org.zuofeng.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.zuofeng.support.Api.anonymous;
import static org.zuofeng.support.Api.asHr;

/** Final results stay public for three years after their year, then leave the public API, not the record. */
@QuarkusTest
class PublicResultRetentionTest {

    private static final String ASSESSMENTS = "/api/v1/assessments";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Object shown(String id) {
        return anonymous().queryParam("year", 2034).queryParam("limit", 500)
                .get("/api/v1/public/assessment-results").then().statusCode(200).extract().jsonPath()
                .get("items.find { it.id == '" + id + "' }");
    }

    @Test
    void aFinalResultLeavesThePublicApiOnceItsYearIsPastTheRetentionAndStaysInTheRecord() {
        JsonPath street = Fixtures.aUnit().under(Fixtures.aDistrict()).type("SUBDISTRICT").create();
        JsonPath village = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create();
        JsonPath cadre = Fixtures.anOfficial().named("村委会委员").create();
        Fixtures.aPost(cadre, village).role("TWO_COMMITTEES_MEMBER", "村委会委员").create();
        JsonPath scheme = Fixtures.aScheme("VILLAGE_CADRE", 2034).create();
        JsonPath draft = Fixtures.anAssessment(scheme, 8, 16).of(cadre).votes(40, 10, 15, 0, 10).create();
        Fixtures.transition(asHr(), ASSESSMENTS, draft, Map.of("to", "FINAL"));

        clock.advance(Duration.between(Instant.now(), OffsetDateTime.parse("2037-12-31T12:00:00+08:00")));
        assertThat("public until three years after its year", shown(draft.getString("id")), notNullValue());
        clock.advance(Duration.ofDays(2));
        assertThat("gone from the public API after that", shown(draft.getString("id")), nullValue());
        asHr().get(ASSESSMENTS + "/{id}", draft.getString("id")).then().statusCode(200);
    }
}
