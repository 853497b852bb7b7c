package org.zuofeng.statistics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;

import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.zuofeng.support.Api.as;

/** The commission marks a period's figures public: the public reads them as published, frozen. */
@QuarkusTest
class StatisticsPublicationTest {

    private static final String PUBLICATIONS = "/api/v1/statistics/publications";
    private static final String PUBLIC = "/api/v1/public/statistics";

    private static Map<String, Object> period(String title) {
        return Map.of("title", title, "from", Fixtures.today().minusYears(1).toString(),
                "to", Fixtures.today().toString());
    }

    private static JsonPath summary() {
        return as("commission-1", "commission").queryParam("from", Fixtures.today().minusYears(1).toString())
                .queryParam("to", Fixtures.today().toString()).get("/api/v1/statistics/summary").then()
                .statusCode(200).extract().jsonPath();
    }

    private static void completedOpenInspection(JsonPath unit) {
        Fixtures.completed("publication-lead", Fixtures.anInspection("OPEN", unit).lead("publication-lead").started());
    }

    @Test
    void publishedFiguresAreTheSummaryOfTheirDayAndStaySoAsRecordsArrive() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        completedOpenInspection(unit);
        Fixtures.anInspection("COVERT", unit).lead("publication-lead").started();
        String title = "近一年作风效能建设情况 " + Fixtures.uniqueCode("p");

        Response published = as("commission-1", "commission").body(period(title)).post(PUBLICATIONS);
        published.then().statusCode(201);
        JsonPath figures = summary();
        String id = published.path("id");
        assertThat(published.header("Location"), endsWith(PUBLIC + "/" + id));
        assertThat("the district's figures as the commission reads them", published.jsonPath().getMap("figures"),
                equalTo(figures.getMap("")));

        completedOpenInspection(unit);

        assertThat(summary().getInt("inspectionsCompleted.OPEN"),
                equalTo(figures.getInt("inspectionsCompleted.OPEN") + 1));
        Response read = Api.anonymous().get(PUBLIC + "/{id}", id);
        read.then().statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .body("title", equalTo(title))
                .body("figures.inspectionsCompleted.OPEN", equalTo(figures.getInt("inspectionsCompleted.OPEN")))
                .body("figures.inspectionsCompleted.COVERT", equalTo(figures.getInt("inspectionsCompleted.COVERT")));
        Api.anonymous().header("If-None-Match", read.header("ETag")).get(PUBLIC + "/{id}", id).then()
                .statusCode(304);
        Api.anonymous().queryParam("limit", 500).get(PUBLIC).then()
                .statusCode(200)
                .body("items.title", hasItem(title));
    }

    @Test
    void onlyTheCommissionPublishesAndOnlyWhatHasHappened() {
        as("inspector-1", "inspector").body(period("x")).post(PUBLICATIONS).then().statusCode(403);
        as("officer-1", "unit-officer").body(period("x")).post(PUBLICATIONS).then().statusCode(403);
        as("commission-1", "commission").body(Map.of("title", "明年", "from", Fixtures.today().toString(),
                        "to", Fixtures.today().plusDays(1).toString())).post(PUBLICATIONS).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/to"));
        as("commission-1", "commission").body(Map.of("title", "倒序", "from", Fixtures.today().toString(),
                        "to", Fixtures.today().minusDays(1).toString())).post(PUBLICATIONS).then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/from"));
        Api.anonymous().get(PUBLIC + "/{id}", java.util.UUID.randomUUID()).then().statusCode(404);
    }
}
