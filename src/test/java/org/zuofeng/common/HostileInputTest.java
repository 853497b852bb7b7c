package org.zuofeng.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Contract;
import org.zuofeng.support.ContractValidator;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whatever a client sends to a write operation of the contract, the answer is a documented 4xx problem or a success,
 * never a 500: every field of a valid body, nested ones included, is replaced in turn by values of the wrong type,
 * out of range or malformed, and whole bodies are replaced by things that are not objects at all.
 */
@QuarkusTest
class HostileInputTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Supplier<String> BASE = () -> "http://127.0.0.1:" + RestAssured.port;

    /** Values that replace a field, each wrong for some schema. */
    private static final List<Supplier<JsonNode>> HOSTILE_VALUES = List.of(
            NODES::nullNode,
            () -> NODES.numberNode(-1),
            () -> NODES.numberNode(2_147_483_648L),
            () -> NODES.numberNode(new BigDecimal("1e400")),
            () -> NODES.numberNode(new BigDecimal("0.000000000000000000001")),
            () -> NODES.booleanNode(true),
            () -> NODES.textNode(""),
            () -> NODES.textNode("界".repeat(20_000)),
            () -> NODES.textNode("\u0000\uFFFF"),
            () -> NODES.textNode("2026-02-30"),
            () -> NODES.textNode("+99999-01-01"),
            () -> NODES.textNode("2026-11-26T09:30+08:00"),
            () -> NODES.textNode("+999999999-12-31T23:59:59Z"),
            () -> NODES.textNode("not-a-uuid"),
            () -> NODES.textNode("00000000-0000-0000-0000-000000000000"),
            () -> NODES.arrayNode().add(NODES.nullNode()),
            () -> NODES.arrayNode(),
            () -> NODES.objectNode().put("unexpected", 1));

    /** Bodies that are not what any operation takes. */
    private static final List<String> HOSTILE_BODIES = List.of("null", "[]", "\"text\"", "42", "{", "{}",
            "{\"a\":1,\"a\":2}", "[".repeat(5_000) + "]".repeat(5_000), "{\"x\":" + "[".repeat(5_000));

    /**
     * Values for query parameters, each wrong for some parameter. The longest stays within the HTTP layer's 4 KiB
     * request line; beyond it the server refuses the request before the API sees it (414, no body).
     */
    private static final List<String> HOSTILE_PARAMETERS = List.of("", "%00", "a%00b", "-1", "0",
            "99999999999999999999", "1.5", "+999999999-12-31", "+99999-01-01", "0000-01-01", "2026-02-30",
            "2026-11-26T09:30+08:00", "not-a-uuid", "%E7%95%8C".repeat(300), "%27%3B--", "%25", "true,false",
            "-createdAt,,", "%5B%5D");

    @Test
    void noWriteOperationAnswersAServerErrorToHostileInput() throws Exception {
        Scene scene = Scene.build();
        JsonNode paths = contract().get("paths");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (var path : iterable(paths.fields())) {
            for (String method : List.of("post", "put")) {
                JsonNode spec = path.getValue().get(method);
                if (spec == null || !spec.path("requestBody").path("content").has("application/json")) {
                    continue;
                }
                String template = path.getKey();
                String operation = method.toUpperCase() + " " + template;
                ObjectNode base = scene.baseBody(operation);
                Actor actor = scene.actorFor(method, scene.urlFor(operation), template);
                List<String> bodies = new ArrayList<>(HOSTILE_BODIES);
                for (String pointer : leaves(base, "")) {
                    for (Supplier<JsonNode> value : HOSTILE_VALUES) {
                        bodies.add(replaced(base, pointer, value.get()).toString());
                    }
                }
                for (String body : bodies) {
                    sent++;
                    Answer answer = scene.send(actor, method, scene.urlFor(operation), template, body);
                    String problem = problemWith(answer);
                    if (problem != null) {
                        failures.add(operation + " ← " + abbreviate(body) + " → " + problem);
                    }
                    if (answer.status() < 300) {
                        scene.used(operation);
                    }
                }
            }
        }
        assertEquals(List.of(), failures, sent + " hostile requests sent");
    }

    @Test
    void noReadOperationAnswersAServerErrorToHostileParameters() throws Exception {
        Scene scene = Scene.build();
        JsonNode contract = contract();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (var path : iterable(contract.get("paths").fields())) {
            JsonNode operation = path.getValue().get("get");
            if (operation == null || path.getKey().endsWith("/content")) {
                continue;
            }
            String template = path.getKey();
            String url = scene.urlFor("GET " + template);
            Actor actor = scene.actorFor("get", url, template);
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode resolved = parameter.has("$ref")
                        ? contract.at(parameter.get("$ref").asText().substring(1)) : parameter;
                if (!"query".equals(resolved.path("in").asText())) {
                    continue;
                }
                for (String value : HOSTILE_PARAMETERS) {
                    sent++;
                    String query = url + "?" + resolved.get("name").asText() + "=" + value;
                    String problem = problemWith(scene.send(actor, "get", query, template, null));
                    if (problem != null) {
                        failures.add("GET " + abbreviate(query) + " → " + problem);
                    }
                }
            }
        }
        assertEquals(List.of(), failures, sent + " hostile requests sent");
    }

    private static JsonNode contract() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Paths.get("openapi/openapi.yaml").toFile());
    }

    /** Null when the answer is acceptable; otherwise what is wrong with it. */
    private static String problemWith(Answer answer) {
        int status = answer.status();
        if (status == 401 || status == 403) {
            return status + ": the request never reached the operation";
        }
        if (status >= 500) {
            return status + " " + abbreviate(answer.body());
        }
        if (status >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            return status + " without a problem: " + answer.contentType();
        }
        if (answer.body().contains("\"code\":\"UNKNOWN_PARAMETER\"")) {
            return status + ": a documented parameter was refused as unknown";
        }
        List<String> errors = Contract.validator().validateResponse(answer.method(), answer.path(),
                new ContractValidator.Response(status, answer.contentType(),
                        name -> answer.headers().firstValue(name).orElse(null),
                        answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (!errors.isEmpty()) {
            return status + " off contract: " + abbreviate(errors.toString());
        }
        return null;
    }

    /** The JSON pointer of every value in the body, nested ones included (an array's first item stands for all). */
    private static List<String> leaves(JsonNode node, String at) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String pointer = at + "/" + field.getKey();
                found.add(pointer);
                found.addAll(leaves(field.getValue(), pointer));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            found.add(at + "/0");
            found.addAll(leaves(node.get(0), at + "/0"));
        }
        return found;
    }

    private static JsonNode replaced(ObjectNode base, String pointer, JsonNode value) {
        JsonNode copy = base.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? copy : copy.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return copy;
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }

    /** One answer, as the contract validator needs it. */
    record Answer(String method, String path, int status, String contentType, java.net.http.HttpHeaders headers,
            String body) {
    }

    /** A caller, with the token signed once. */
    record Actor(String token) {
        static Actor of(String subject, String... roles) {
            return new Actor(Tokens.token(subject, roles));
        }
    }

    /**
     * One of each record the operations act on, with the valid bodies that make them. An operation that changes a
     * record's state (a transition, a decision, a response) acts on a record in a state where every field of its
     * body is used, made afresh by {@link #fresh} whenever a request changed the last one.
     */
    private static final class Scene {

        private final Map<String, String> ids = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        private final Map<String, Supplier<String>> fresh = new LinkedHashMap<>();
        private final Map<String, String> current = new LinkedHashMap<>();
        private final String lead = "hostile-lead-" + UUID.randomUUID().toString().substring(0, 8);
        private JsonPath unit;
        private JsonPath principal;
        private JsonPath staff;

        static Scene build() {
            Scene scene = new Scene();
            scene.populate();
            return scene;
        }

        private void populate() {
            JsonPath district = Fixtures.aDistrict();
            unit = Fixtures.aUnit().under(district).create();
            principal = Fixtures.anOfficial().create();
            staff = Fixtures.anOfficial().create();
            JsonPath post = Fixtures.aPost(principal, unit).role("PRINCIPAL", "局长").create();
            Fixtures.aPost(staff, unit).create();
            JsonPath inspection = runningInspection();
            JsonPath finding = Fixtures.aFinding(inspection, unit).createAs(lead);
            JsonPath notice = Fixtures.aNotice("RECTIFICATION_NOTICE", unit).issued();
            JsonPath scheme = Fixtures.aScheme("OFFICIAL", 2040).create();
            JsonPath assessment = Fixtures.anAssessment(scheme, 8, 16).of(principal).create();

            ids.put("units", unit.getString("id"));
            ids.put("officials", principal.getString("id"));
            ids.put("posts", post.getString("id"));
            ids.put("inspections", inspection.getString("id"));
            ids.put("findings", finding.getString("id"));
            ids.put("supervision-notices", notice.getString("id"));
            ids.put("accountability-cases", violationCase().getString("id"));
            ids.put("assessment-schemes", scheme.getString("id"));
            ids.put("assessments", assessment.getString("id"));

            bodies.put("POST /api/v1/units", Fixtures.aUnit().under(district).body());
            bodies.put("PUT /api/v1/units/{id}", Fixtures.aUnit().under(district).body());
            bodies.put("POST /api/v1/officials", Fixtures.anOfficial().body());
            bodies.put("PUT /api/v1/officials/{id}", Fixtures.anOfficial().body());
            bodies.put("POST /api/v1/officials/search", Map.of("idNumber", Fixtures.idNumber(Fixtures.today()
                    .minusYears(40))));
            bodies.put("POST /api/v1/officials/{officialId}/posts", Fixtures.aPost(principal, unit).body());
            bodies.put("PUT /api/v1/officials/{officialId}/posts/{postId}", Fixtures.aPost(principal, unit).body());
            bodies.put("POST /api/v1/inspections", Fixtures.anInspection("OPEN", unit).lead(lead).body());
            bodies.put("PUT /api/v1/inspections/{id}", Fixtures.anInspection("OPEN", unit).lead(lead).body());
            bodies.put("POST /api/v1/inspections/{id}/findings", Fixtures.aFinding(inspection, unit)
                    .with("location", Map.of("latitude", 23.5, "longitude", 116.3, "address", "某街道"))
                    .with("officialIds", List.of(principal.getString("id"))).body());
            bodies.put("PUT /api/v1/findings/{id}", Fixtures.aFinding(inspection, unit).body());
            bodies.put("POST /api/v1/supervision-notices", Fixtures.aNotice("RECTIFICATION_NOTICE", unit)
                    .with("findingIds", List.of(finding.getString("id"))).body());
            bodies.put("PUT /api/v1/supervision-notices/{id}", Fixtures.aNotice("RECTIFICATION_NOTICE", unit).body());
            bodies.put("POST /api/v1/supervision-notices/{id}/responses", Map.of("measures", "已整改",
                    "completedOn", Fixtures.today().toString()));
            bodies.put("POST /api/v1/accountability-cases", caseBody());
            bodies.put("POST /api/v1/accountability-cases/{id}/decision", decisionBody());
            bodies.put("POST /api/v1/accountability-cases/{id}/appeals", Map.of("text", "不服",
                    "filedOn", Fixtures.today().toString()));
            bodies.put("POST /api/v1/assessment-schemes", Fixtures.aScheme("VILLAGE_CADRE", 2041).body());
            bodies.put("PUT /api/v1/assessment-schemes/{id}", Fixtures.aScheme("OFFICIAL", 2040).body());
            bodies.put("POST /api/v1/assessments", Fixtures.anAssessment(scheme, 8, 16).of(principal)
                    .votes(40, 1, 2, 3, 4).body());
            bodies.put("PUT /api/v1/assessments/{id}", Fixtures.anAssessment(scheme, 8, 16).of(principal).body());
            bodies.put("POST /api/v1/assessments/{id}/objections", Map.of("text", "有异议", "raisedBy", "群众"));
            bodies.put("POST /api/v1/inspections/{id}/transitions", Map.of("to", "COMPLETED", "note", "说明",
                    "summary", "小结"));
            bodies.put("POST /api/v1/findings/{id}/transitions", Map.of("to", "DISMISSED", "note", "误报"));
            bodies.put("POST /api/v1/evidence/{id}/transitions", Map.of("to", "WITHDRAWN", "note", "误传"));
            bodies.put("POST /api/v1/supervision-notices/{id}/transitions", Map.of("to", "WITHDRAWN",
                    "note", "撤回"));
            bodies.put("POST /api/v1/accountability-cases/{id}/transitions", Map.of("to", "WAIVED",
                    "note", "免予追究"));
            bodies.put("POST /api/v1/assessments/{id}/transitions", Map.of("to", "PUBLIC_NOTICE",
                    "note", "公示"));
            bodies.put("POST /api/v1/accountability-cases/{id}/appeals/{appealId}/resolution", Map.of(
                    "outcome", "REVISED", "reason", "理由", "decision", decisionBody()));
            bodies.put("POST /api/v1/assessments/{id}/objections/{objectionId}/resolution", Map.of(
                    "outcome", "DISMISSED", "reason", "理由"));

            fresh.put("PUT /api/v1/inspections/{id}", () -> "/api/v1/inspections/" + id(runningInspection()));
            fresh.put("POST /api/v1/inspections/{id}/transitions",
                    () -> "/api/v1/inspections/" + id(runningInspection()) + "/transitions");
            fresh.put("POST /api/v1/inspections/{id}/findings",
                    () -> "/api/v1/inspections/" + id(runningInspection()) + "/findings");
            fresh.put("PUT /api/v1/findings/{id}", () -> "/api/v1/findings/" + id(openFinding()));
            fresh.put("POST /api/v1/findings/{id}/transitions",
                    () -> "/api/v1/findings/" + id(openFinding()) + "/transitions");
            fresh.put("POST /api/v1/evidence/{id}/transitions", () -> "/api/v1/evidence/" + Api.uploadAs(lead,
                    "image/jpeg", Media.jpeg(2048), "inspector").post("/api/v1/findings/{id}/evidence",
                    id(openFinding())).then().statusCode(201).extract().path("id") + "/transitions");
            fresh.put("PUT /api/v1/supervision-notices/{id}", () -> "/api/v1/supervision-notices/"
                    + id(Fixtures.aNotice("RECTIFICATION_NOTICE", unit).draft()));
            fresh.put("POST /api/v1/supervision-notices/{id}/transitions", () -> "/api/v1/supervision-notices/"
                    + id(Fixtures.aNotice("RECTIFICATION_NOTICE", unit).issued()) + "/transitions");
            fresh.put("POST /api/v1/supervision-notices/{id}/responses", () -> "/api/v1/supervision-notices/"
                    + id(Fixtures.aNotice("RECTIFICATION_NOTICE", unit).issued()) + "/responses");
            fresh.put("POST /api/v1/accountability-cases/{id}/decision",
                    () -> "/api/v1/accountability-cases/" + id(violationCase()) + "/decision");
            fresh.put("POST /api/v1/accountability-cases/{id}/appeals",
                    () -> "/api/v1/accountability-cases/" + id(decidedCase()) + "/appeals");
            fresh.put("POST /api/v1/accountability-cases/{id}/appeals/{appealId}/resolution", () -> {
                String decided = id(decidedCase());
                String appeal = Api.as("commission-1", "commission").body(bodies.get(
                                "POST /api/v1/accountability-cases/{id}/appeals"))
                        .post("/api/v1/accountability-cases/{id}/appeals", decided).then().statusCode(201)
                        .extract().path("appeals[0].id");
                return "/api/v1/accountability-cases/" + decided + "/appeals/" + appeal + "/resolution";
            });
            fresh.put("POST /api/v1/accountability-cases/{id}/transitions", () -> "/api/v1/accountability-cases/"
                    + violationCase().getString("linkedCaseIds[0]") + "/transitions");
            fresh.put("PUT /api/v1/assessment-schemes/{id}",
                    () -> "/api/v1/assessment-schemes/" + id(Fixtures.aScheme("OFFICIAL", 2040).create()));
            fresh.put("PUT /api/v1/assessments/{id}", () -> "/api/v1/assessments/" + id(draftAssessment()));
            fresh.put("POST /api/v1/assessments/{id}/transitions",
                    () -> "/api/v1/assessments/" + id(draftAssessment()) + "/transitions");
            fresh.put("POST /api/v1/assessments/{id}/objections",
                    () -> "/api/v1/assessments/" + id(noticedAssessment()) + "/objections");
            fresh.put("POST /api/v1/assessments/{id}/objections/{objectionId}/resolution", () -> {
                String noticed = id(noticedAssessment());
                String objection = Api.as("commission-1", "commission").body(bodies.get(
                                "POST /api/v1/assessments/{id}/objections"))
                        .post("/api/v1/assessments/{id}/objections", noticed).then().statusCode(201)
                        .extract().path("objections[0].id");
                return "/api/v1/assessments/" + noticed + "/objections/" + objection + "/resolution";
            });
        }

        /** The URL an operation acts on now. */
        String urlFor(String operation) {
            Supplier<String> maker = fresh.get(operation);
            if (maker == null) {
                return resolve(operation.substring(operation.indexOf(' ') + 1));
            }
            return current.computeIfAbsent(operation, o -> maker.get());
        }

        /** The operation changed its record: the next request acts on a fresh one. */
        void used(String operation) {
            current.remove(operation);
        }

        private JsonPath runningInspection() {
            return Fixtures.anInspection("OPEN", unit).lead(lead).started();
        }

        private JsonPath openFinding() {
            return Fixtures.aFinding(runningInspection(), unit).createAs(lead);
        }

        private Map<String, Object> caseBody() {
            return new LinkedHashMap<>(Map.of("subjectOfficialId", staff.getString("id"),
                    "unitId", unit.getString("id"), "kind", "VIOLATION",
                    "occurredOn", Fixtures.today().minusDays(3).toString(), "summary", "窗口脱岗", "area", "城建"));
        }

        private static Map<String, Object> decisionBody() {
            return Map.of("measures", List.of("ADMONISHMENT_TALK"), "decidedOn", Fixtures.today().toString(),
                    "basis", "依据……");
        }

        /** An open violation case, whose leadership case (of the unit's principal) is open too. */
        private JsonPath violationCase() {
            return Api.as("commission-1", "commission").body(caseBody()).post("/api/v1/accountability-cases")
                    .then().statusCode(201).extract().jsonPath();
        }

        private JsonPath decidedCase() {
            return Api.as("commission-1", "commission").body(decisionBody())
                    .post("/api/v1/accountability-cases/{id}/decision", id(violationCase())).then().statusCode(201)
                    .extract().jsonPath();
        }

        private JsonPath draftAssessment() {
            return Fixtures.anAssessment(Fixtures.aScheme("OFFICIAL", 2040).create(), 8, 16).of(principal).create();
        }

        private JsonPath noticedAssessment() {
            return Fixtures.transition(Api.asHr(), "/api/v1/assessments", draftAssessment(),
                    Map.of("to", "PUBLIC_NOTICE"));
        }

        private static String id(JsonPath record) {
            return record.getString("id");
        }

        /** The template with each parameter replaced by the id of the record of the collection it follows. */
        String resolve(String template) {
            Matcher matcher = PARAM.matcher(template);
            StringBuilder url = new StringBuilder();
            while (matcher.find()) {
                String before = template.substring(0, matcher.start());
                String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1,
                        before.length() - 1);
                matcher.appendReplacement(url, ids.getOrDefault(collection, UUID.randomUUID().toString()));
            }
            matcher.appendTail(url);
            return url.toString();
        }

        ObjectNode baseBody(String operation) {
            return JSON.valueToTree(bodies.getOrDefault(operation, Map.of()));
        }

        /** The first caller allowed to try the operation at all. */
        Actor actorFor(String method, String url, String template) {
            for (Actor actor : List.of(Actor.of("admin-1", "admin"), Actor.of("commission-1", "commission"),
                    Actor.of("hr-1", "hr"), Actor.of(lead, "inspector"), Actor.of("custodian-1", "custodian"))) {
                if (send(actor, method, url, template, method.equals("get") ? null : "{}").status() != 403) {
                    return actor;
                }
            }
            throw new AssertionError("nobody may " + method + " " + template);
        }

        Answer send(Actor actor, String method, String url, String template, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE.get() + url))
                    .header("Authorization", "Bearer " + actor.token())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (method.equals("put") || template.endsWith("/transitions")) {
                String target = method.equals("put") ? url : url.substring(0, url.lastIndexOf('/'));
                String etag = exchange(HttpRequest.newBuilder(URI.create(BASE.get() + target))
                        .header("Authorization", "Bearer " + actor.token()).header("Accept", "application/json")
                        .GET()).headers().firstValue("ETag").orElse("\"1\"");
                request.header("If-Match", etag);
            }
            HttpResponse<String> response = exchange(request);
            return new Answer(method.toUpperCase(), URI.create(url).getRawPath(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers(), response.body());
        }

        private static HttpResponse<String> exchange(HttpRequest.Builder request) {
            try {
                return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
