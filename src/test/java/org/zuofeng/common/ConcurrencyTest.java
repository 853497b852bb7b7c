package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.EntityTag;
import org.zuofeng.support.Fixtures;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.zuofeng.support.Api.asHr;

/** Versions and ETags: lost updates are impossible, and unchanged resources are not sent again. */
@QuarkusTest
class ConcurrencyTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aChangeWithAStaleIfMatchIsRefusedWith412() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String id = unit.getString("id");
        String original = "\"" + unit.getLong("version") + "\"";
        asHr().header("If-Match", original).body(rename(unit, "第一次修改")).put("/api/v1/units/{id}", id).then()
                .statusCode(200);

        asHr().header("If-Match", original).body(rename(unit, "基于旧版本的修改")).put("/api/v1/units/{id}", id).then()
                .statusCode(412)
                .contentType(PROBLEM)
                .body("code", equalTo("VERSION_MISMATCH"));
        asHr().header("If-Match", original).delete("/api/v1/units/{id}", id).then()
                .statusCode(412)
                .contentType(PROBLEM);
        asHr().get("/api/v1/units/{id}", id).then().body("name", equalTo("第一次修改"));
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedWith428() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        org.zuofeng.support.Api.invalidAs("hr-1", "hr").body(rename(unit, "无条件修改"))
                .put("/api/v1/units/{id}", unit.getString("id")).then()
                .statusCode(428)
                .contentType(PROBLEM)
                .body("code", equalTo("PRECONDITION_REQUIRED"));
        org.zuofeng.support.Api.invalidAs("hr-1", "hr").delete("/api/v1/units/{id}", unit.getString("id")).then()
                .statusCode(428)
                .contentType(PROBLEM);
    }

    @Test
    void ifMatchStarDoesNotBypassOptimisticLockingAndIsRefusedWith428() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        for (String any : new String[] {"*", " * ", "\"999\", *"}) {
            org.zuofeng.support.Api.invalidAs("hr-1", "hr").header("If-Match", any).body(rename(unit, "无版本修改"))
                    .put("/api/v1/units/{id}", unit.getString("id")).then()
                    .statusCode(428)
                    .contentType(PROBLEM)
                    .body("code", equalTo("PRECONDITION_REQUIRED"));
            org.zuofeng.support.Api.invalidAs("hr-1", "hr").header("If-Match", any)
                    .delete("/api/v1/units/{id}", unit.getString("id")).then()
                    .statusCode(428);
        }
        asHr().get("/api/v1/units/{id}", unit.getString("id")).then()
                .body("name", equalTo(unit.getString("name")))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aWeakTagNeverSatisfiesIfMatch() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        asHr().header("If-Match", "W/\"" + unit.getLong("version") + "\"").body(rename(unit, "弱校验"))
                .put("/api/v1/units/{id}", unit.getString("id")).then()
                .statusCode(412);
    }

    @Test
    void anIfMatchThatIsNoEntityTagIsA400ThatShowsTheForm() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String version = Long.toString(unit.getLong("version"));
        for (String malformed : new String[] {version, "'" + version + "'", "\"" + version, "W/" + version}) {
            asHr().header("If-Match", malformed).body(rename(unit, "未加引号"))
                    .put("/api/v1/units/{id}", unit.getString("id")).then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("code", equalTo("INVALID_PARAMETER"))
                    .body("detail", containsString("If-Match: \""))
                    .body("errors[0].parameter", equalTo("If-Match"));
        }
        asHr().get("/api/v1/units/{id}", unit.getString("id")).then().body("name", equalTo(unit.getString("name")));
    }

    @Test
    void anEntityTagThatNamesNoVersionIsRefusedLikeAStaleOne() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String version = Long.toString(unit.getLong("version"));
        for (String malformed : new String[] {"\"v" + version + "\"", "\"-" + version + "\"",
                "\"" + version + "x\"", "\"99999999999999999999\""}) {
            org.zuofeng.support.Api.invalidAs("hr-1", "hr").header("If-Match", malformed)
                    .body(rename(unit, "畸形版本")).put("/api/v1/units/{id}", unit.getString("id")).then()
                    .statusCode(412)
                    .body("code", equalTo("VERSION_MISMATCH"));
        }
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagGives304AndAStaleOneGivesTheResource() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String etag = asHr().get("/api/v1/units/{id}", unit.getString("id")).then().statusCode(200)
                .header("ETag", EntityTag.ofVersion(unit.getLong("version"))).extract().header("ETag");
        asHr().header("If-None-Match", etag).get("/api/v1/units/{id}", unit.getString("id")).then()
                .statusCode(304)
                .header("ETag", etag);
        asHr().header("If-None-Match", "\"999\"").get("/api/v1/units/{id}", unit.getString("id")).then()
                .statusCode(200)
                .body("id", equalTo(unit.getString("id")));
    }

    @Test
    void aChangeTheVersionDoesNotCountChangesTheTagSoA304NeverHidesIt() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath official = Fixtures.anOfficial().create();
        String id = official.getString("id");
        String before = asHr().get("/api/v1/officials/{id}", id).then().statusCode(200)
                .body("currentPosts", empty()).extract().header("ETag");

        Fixtures.aPost(official, unit).create();
        String after = asHr().header("If-None-Match", before).get("/api/v1/officials/{id}", id).then()
                .statusCode(200)
                .body("version", equalTo(official.getInt("version")))
                .body("currentPosts", hasSize(1))
                .header("ETag", EntityTag.ofVersion(official.getLong("version")))
                .extract().header("ETag");
        assertNotEquals(before, after, "the tag follows the representation, not only the version");

        Map<String, Object> write = new HashMap<>();
        for (String field : new String[] {"gender", "birthDate", "idNumber", "phone"}) {
            write.put(field, official.getString(field));
        }
        write.put("partyMember", official.getBoolean("partyMember"));
        write.put("name", "改名的干部");
        asHr().header("If-Match", before).body(write).put("/api/v1/officials/{id}", id).then()
                .statusCode(200)
                .body("version", equalTo(official.getInt("version") + 1));
    }

    @Test
    void ifMatchComparesTheVersionOnlyInTheFormerTagAndTheNewOne() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String id = unit.getString("id");
        long version = unit.getLong("version");
        JsonPath renamed = asHr().header("If-Match", "\"" + version + "\"").body(rename(unit, "旧式标签"))
                .put("/api/v1/units/{id}", id).then().statusCode(200).extract().jsonPath();
        asHr().header("If-Match", "\"" + (version + 1) + "-anything\"").body(rename(renamed, "新式标签"))
                .put("/api/v1/units/{id}", id).then().statusCode(200)
                .header("ETag", EntityTag.ofVersion(version + 2));
    }

    private static Map<String, Object> rename(JsonPath unit, String name) {
        Map<String, Object> write = new HashMap<>();
        write.put("code", unit.getString("code"));
        write.put("name", name);
        write.put("type", unit.getString("type"));
        write.put("parentId", unit.getString("parentId"));
        return write;
    }
}
