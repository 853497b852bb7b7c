package org.zuofeng.support;

import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builds test data through the API, with unique codes so that tests never depend on each other. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A unit to be created: {@code Fixtures.aUnit().under(district).create()}. */
    public static UnitBuilder aUnit() {
        return new UnitBuilder("AGENCY");
    }

    /** A new district (a root unit). */
    public static JsonPath aDistrict() {
        return new UnitBuilder("DISTRICT").create();
    }

    /** A unit to be created. */
    public static final class UnitBuilder {
        private final Map<String, Object> body = new HashMap<>();

        private UnitBuilder(String type) {
            body.put("code", uniqueCode("U"));
            body.put("name", "测试单位 " + body.get("code"));
            body.put("type", type);
        }

        public UnitBuilder under(JsonPath parent) {
            body.put("parentId", parent.getString("id"));
            return this;
        }

        public UnitBuilder type(String type) {
            body.put("type", type);
            return this;
        }

        public UnitBuilder named(String name) {
            body.put("name", name);
            return this;
        }

        public UnitBuilder code(String code) {
            body.put("code", code);
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }

        public JsonPath create() {
            return Api.asHr().body(body).post("/api/v1/units").then().statusCode(201).extract().jsonPath();
        }
    }
}
