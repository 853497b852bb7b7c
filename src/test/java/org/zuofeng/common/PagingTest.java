package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.asHr;
import static org.zuofeng.support.Api.invalidAs;

/** Cursor paging: complete, stable under concurrent inserts, bounded, and bound to its filters. */
@QuarkusTest
class PagingTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void pagingThrough120UnitsInPagesOf50HasNoGapsOrRepeatsWhileRowsAreInserted() {
        JsonPath district = Fixtures.aDistrict();
        Set<String> originals = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            originals.add(Fixtures.aUnit().under(district).named("单位 " + (1000 + i * 7 % 120)).create()
                    .getString("id"));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = asHr().queryParam("parentId", district.getString("id")).queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/units").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next");
            pages++;
            // Rows inserted between page requests, sorting both before and after the current position.
            Fixtures.aUnit().under(district).named("单位 0000 插入" + pages).create();
            Fixtures.aUnit().under(district).named("单位 9999 插入" + pages).create();
        } while (cursor != null);

        assertEquals(new HashSet<>(seen).size(), seen.size(), "no unit appears twice");
        assertTrue(seen.containsAll(originals), "every unit that existed throughout appears");
        assertTrue(pages >= 3, "120 units take at least three pages of 50");
    }

    @Test
    void aPageIsSortedAndTheLastPageHasNoNext() {
        JsonPath district = Fixtures.aDistrict();
        for (String name : List.of("丙", "甲", "乙")) {
            Fixtures.aUnit().under(district).named(name).create();
        }
        JsonPath first = asHr().queryParam("parentId", district.getString("id")).queryParam("limit", 2)
                .queryParam("sort", "-name").queryParam("count", true)
                .get("/api/v1/units").then().statusCode(200)
                .body("items", hasSize(2))
                .body("next", notNullValue())
                .body("totalCount", equalTo(3))
                .extract().jsonPath();
        List<String> names = new ArrayList<>(first.getList("items.name", String.class));
        asHr().queryParam("parentId", district.getString("id")).queryParam("limit", 2)
                .queryParam("sort", "-name").queryParam("count", true).queryParam("cursor", first.getString("next"))
                .get("/api/v1/units").then().statusCode(200)
                .body("items", hasSize(1))
                .body("next", nullValue())
                .extract().jsonPath().getList("items.name", String.class).forEach(names::add);
        List<String> expected = new ArrayList<>(names);
        expected.sort(java.util.Comparator.reverseOrder());
        assertEquals(expected, names);
    }

    @Test
    void aLimitAbove500IsClampedTo500() {
        JsonPath district = Fixtures.aDistrict();
        for (int i = 0; i < 501; i++) {
            Fixtures.aUnit().under(district).create();
        }
        asHr().queryParam("parentId", district.getString("id")).queryParam("limit", 100000)
                .get("/api/v1/units").then()
                .statusCode(200)
                .body("items", hasSize(500))
                .body("next", notNullValue());
    }

    @Test
    void theDefaultPageSizeIs50() {
        JsonPath district = Fixtures.aDistrict();
        for (int i = 0; i < 51; i++) {
            Fixtures.aUnit().under(district).create();
        }
        asHr().queryParam("parentId", district.getString("id")).get("/api/v1/units").then()
                .statusCode(200)
                .body("items", hasSize(50));
    }

    @Test
    void aNegativeOrZeroLimitIsA400() {
        for (String limit : List.of("-1", "0")) {
            invalidAs("hr-1", "hr").queryParam("limit", limit).get("/api/v1/units").then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("code", equalTo("INVALID_PARAMETER"))
                    .body("errors[0].parameter", equalTo("limit"));
        }
    }

    @Test
    void aCursorIsBoundToTheFiltersAndSortItWasMadeWith() {
        JsonPath district = Fixtures.aDistrict();
        for (int i = 0; i < 3; i++) {
            Fixtures.aUnit().under(district).create();
        }
        String next = asHr().queryParam("parentId", district.getString("id")).queryParam("limit", 1)
                .get("/api/v1/units").then().extract().jsonPath().getString("next");

        invalidAs("hr-1", "hr").queryParam("ancestorId", district.getString("id")).queryParam("cursor", next)
                .get("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("INVALID_CURSOR"));
        invalidAs("hr-1", "hr").queryParam("parentId", district.getString("id")).queryParam("sort", "code")
                .queryParam("cursor", next).get("/api/v1/units").then()
                .statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
        invalidAs("hr-1", "hr").queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/units").then()
                .statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void anUnknownSortFieldIsA400ListingTheAllowedOnes() {
        invalidAs("hr-1", "hr").queryParam("sort", "-secret").get("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].parameter", equalTo("sort"));
    }

    @Test
    void anEmptyListIsA200WithNoItems() {
        JsonPath district = Fixtures.aDistrict();
        asHr().queryParam("parentId", district.getString("id")).get("/api/v1/units").then()
                .statusCode(200)
                .body("items", empty())
                .body("next", nullValue());
        assertThat(district.getString("id"), notNullValue());
    }
}
