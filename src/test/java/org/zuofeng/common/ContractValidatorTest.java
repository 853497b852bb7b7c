package org.zuofeng.common;

import org.junit.jupiter.api.Test;
import org.zuofeng.support.ContractValidator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract check has teeth: it reads the contract as OpenAPI 3.1 (JSON Schema 2020-12) and refuses what the
 * contract does not allow, in parameters, bodies, statuses, media types and headers alike.
 */
class ContractValidatorTest {

    private static final ContractValidator CONTRACT = ContractValidator.contract();
    private static final String UUID = "01a23400-0000-7000-8000-000000000001";

    @Test
    void rulesOnlyOpenApi31KnowsAreEnforced() {
        // A numeric exclusiveMinimum (a boolean in draft-04 and OpenAPI 3.0): weight 0 is out.
        assertHasError(request("POST", "/api/v1/assessment-schemes", scheme(0)), "exclusiveMinimum");
        assertEquals(List.of(), request("POST", "/api/v1/assessment-schemes", scheme(40)));
        // A type array: a parent id may be a string or null, nothing else.
        assertEquals(List.of(), request("POST", "/api/v1/units", "{\"code\":\"U1\",\"name\":\"区\",\"type\":\"DISTRICT\","
                + "\"parentId\":null}"));
        assertHasError(request("POST", "/api/v1/units", "{\"code\":\"U1\",\"name\":\"区\",\"type\":\"DISTRICT\","
                + "\"parentId\":5}"), "parentId");
    }

    @Test
    void formatsAreAssertionsNotAnnotations() {
        assertHasError(request("POST", "/api/v1/units", "{\"code\":\"U1\",\"name\":\"区\",\"type\":\"AGENCY\","
                + "\"parentId\":\"not-a-uuid\"}"), "uuid");
        assertHasError(CONTRACT.validateRequest(new ContractValidator.Request("GET", "/api/v1/units/not-a-uuid",
                Map.of(), name -> null, null, null)), "uuid");
    }

    @Test
    void everyParameterIsCheckedAndNoneIsSentThatIsNotDocumented() {
        assertHasError(query("/api/v1/units", Map.of("limit", List.of("many"))), "limit");
        assertHasError(query("/api/v1/units", Map.of("pageSize", List.of("10"))), "not documented");
        assertHasError(query("/api/v1/units", Map.of("status", List.of("ACTIVE"), "limit", List.of("1", "2"))),
                "more than once");
        assertEquals(List.of(), query("/api/v1/units", Map.of("limit", List.of("10"), "status",
                List.of("ACTIVE"))));
        assertHasError(CONTRACT.validateRequest(new ContractValidator.Request("PUT", "/api/v1/units/" + UUID,
                Map.of(), name -> null, "application/json", unit())), "If-Match");
    }

    @Test
    void bodiesMustHaveADocumentedMediaTypeAndUploadsTooAreChecked() {
        assertHasError(CONTRACT.validateRequest(new ContractValidator.Request("POST", "/api/v1/units", Map.of(),
                name -> null, "text/plain", unit())), "media type");
        assertHasError(CONTRACT.validateRequest(new ContractValidator.Request("POST",
                "/api/v1/findings/" + UUID + "/evidence", Map.of(), name -> null, "image/gif", new byte[] {1})),
                "media type");
        assertHasError(CONTRACT.validateRequest(new ContractValidator.Request("POST",
                "/api/v1/findings/" + UUID + "/evidence", Map.of(), name -> null, "image/jpeg", new byte[] {1})),
                "Content-Digest");
    }

    @Test
    void responsesMustHaveADocumentedStatusMediaTypeHeadersAndBody() {
        assertHasError(response("GET", "/api/v1/labels", 418, "application/json", "{}", Map.of()),
                "not documented");
        assertHasError(response("GET", "/api/v1/units/" + UUID, 200, "text/html", "<p>", Map.of()),
                "media type");
        assertHasError(response("GET", "/api/v1/units/" + UUID, 503, "application/problem+json",
                "{\"type\":\"/api/v1/problems/service-unavailable\",\"title\":\"t\",\"status\":503,"
                        + "\"code\":\"SERVICE_UNAVAILABLE\",\"traceId\":\"" + "0".repeat(32) + "\"}",
                Map.of("Retry-After", "soon")), "Retry-After");
        assertHasError(response("GET", "/api/v1/units/" + UUID, 404, "application/problem+json",
                "{\"title\":\"t\"}", Map.of()), "required");
    }

    private static List<String> request(String method, String path, String json) {
        return CONTRACT.validateRequest(new ContractValidator.Request(method, path, Map.of(), name -> null,
                "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> query(String path, Map<String, List<String>> query) {
        return CONTRACT.validateRequest(new ContractValidator.Request("GET", path, query, name -> null, null, null));
    }

    private static List<String> response(String method, String path, int status, String type, String body,
            Map<String, String> headers) {
        return CONTRACT.validateResponse(method, path, new ContractValidator.Response(status, type, headers::get,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String scheme(int weight) {
        return "{\"name\":\"2030年度考核\",\"year\":2030,\"subjectType\":\"OFFICIAL\",\"indicators\":[{\"code\":\"DUTY\","
                + "\"name\":\"履职\",\"weight\":" + weight + ",\"maxScore\":10},{\"code\":\"RESULT\",\"name\":\"实绩\","
                + "\"weight\":60,\"maxScore\":20}],\"gradeBands\":[{\"grade\":\"EXCELLENT\",\"minScore\":90},"
                + "{\"grade\":\"COMPETENT\",\"minScore\":70},{\"grade\":\"BASICALLY_COMPETENT\",\"minScore\":60},"
                + "{\"grade\":\"INCOMPETENT\",\"minScore\":0}],\"excellentQuota\":0.15}";
    }

    private static byte[] unit() {
        return "{\"code\":\"U1\",\"name\":\"区\",\"type\":\"DISTRICT\"}".getBytes(StandardCharsets.UTF_8);
    }

    private static void assertHasError(List<String> errors, String about) {
        assertTrue(errors.stream().anyMatch(e -> e.contains(about)), "expected an error about " + about + ": "
                + errors);
    }
}
