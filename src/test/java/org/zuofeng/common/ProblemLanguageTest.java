package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.zuofeng.support.Api.invalidAs;

/**
 * A problem speaks the caller's language (Accept-Language: zh-CN, English otherwise) in its title, its detail and
 * each field's message; and a body with several errors gets them all in one problem, each at its member.
 */
@QuarkusTest
class ProblemLanguageTest {

    private static final String PROBLEM = "application/problem+json";

    /** An unknown member, a type that is no unit type, and no name: three errors of three kinds. */
    private static final Map<String, Object> THREE_ERRORS = Map.of("code", "X1", "type", "PROVINCE", "colour", "red");

    @Test
    void everyErrorOfABodyComesAtOnceEachAtItsMember() {
        invalidAs("hr-1", "hr").body(THREE_ERRORS).post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("title", equalTo("Request is invalid"))
                .body("detail", equalTo("3 fields are invalid"))
                .body("errors", hasSize(3))
                .body("errors[0].pointer", equalTo("/colour"))
                .body("errors[0].message", equalTo("unknown property 'colour'"))
                .body("errors[1].pointer", equalTo("/name"))
                .body("errors[1].message", equalTo("must not be blank"))
                .body("errors[2].pointer", equalTo("/type"))
                .body("errors[2].message", startsWith("must be one of "));
    }

    @Test
    void theSameProblemInChineseWhenTheCallerAsksForIt() {
        invalidAs("hr-1", "hr").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .body(THREE_ERRORS).post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .header("Content-Language", "zh-CN")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("title", equalTo("请求无效"))
                .body("detail", equalTo("3 个字段无效"))
                .body("errors", hasSize(3))
                .body("errors[0].pointer", equalTo("/colour"))
                .body("errors[0].message", equalTo("未知字段“colour”"))
                .body("errors[1].pointer", equalTo("/name"))
                .body("errors[1].message", equalTo("不能为空白"))
                .body("errors[2].pointer", equalTo("/type"))
                .body("errors[2].message", startsWith("须为以下之一："));
    }

    @Test
    void validationMessagesFollowTheCallersLanguage() {
        Map<String, Object> unnamed = Map.of("code", "bad code!", "type", "DISTRICT");
        invalidAs("hr-1", "hr").header("Accept-Language", "zh-CN").body(unnamed).post("/api/v1/units").then()
                .statusCode(400)
                .body("title", equalTo("请求无效"))
                .body("detail", equalTo("2 个字段无效"))
                .body("errors[0].pointer", equalTo("/code"))
                .body("errors[0].message", equalTo("只能包含字母、数字和“.”“_”“-”"))
                .body("errors[1].pointer", equalTo("/name"))
                .body("errors[1].message", equalTo("不能为空白"));
        invalidAs("hr-1", "hr").body(unnamed).post("/api/v1/units").then()
                .statusCode(400)
                .body("title", equalTo("Request is invalid"))
                .body("detail", equalTo("2 fields are invalid"))
                .body("errors[0].message", equalTo("may contain only letters, digits, '.', '_' and '-'"))
                .body("errors[1].message", equalTo("must not be blank"));
    }

    @Test
    void aDetailNamingARecordKeepsItsIdInEitherLanguage() {
        String id = "0194c4b6-5b1e-7000-8000-00000000dead";
        invalidAs("hr-1", "hr").header("Accept-Language", "zh-CN").get("/api/v1/units/{id}", id).then()
                .statusCode(404)
                .body("detail", equalTo("单位 " + id + " 不存在"));
        invalidAs("hr-1", "hr").get("/api/v1/units/{id}", id).then()
                .statusCode(404)
                .body("detail", equalTo("Unit " + id + " was not found"));
    }

    @Test
    void malformedJsonStaysOneProblem() {
        invalidAs("hr-1", "hr").header("Accept-Language", "zh-CN").body("{\"code\": \"X\", \"colour\": ")
                .post("/api/v1/units").then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"))
                .body("title", equalTo("请求体不是有效的 JSON"))
                .body("detail", startsWith("请求体不是有效的 JSON："));
    }
}
