package org.zuofeng.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.OpenApi31;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks HTTP exchanges against {@code openapi/openapi.yaml} as OpenAPI 3.1 defines it: the operation exists, every
 * path, query and header parameter is documented and valid (and required ones present), the body has a documented
 * media type and, for JSON, its schema; the response status, media type, headers and body are documented. Schemas are
 * checked by a JSON Schema 2020-12 implementation (networknt json-schema-validator) with the OpenAPI 3.1 dialect and
 * format assertions on, so type arrays, {@code const}, numeric {@code exclusiveMinimum} and the like hold.
 */
public final class ContractValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = "https://contract.zuofeng.test/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** One documented operation. */
    public record Operation(String method, String template, JsonNode node, String pointer, JsonNode pathItem,
            String pathPointer) {
    }

    /** A request as it goes out. */
    public record Request(String method, String path, Map<String, List<String>> query,
            Function<String, String> header, String contentType, byte[] body) {
    }

    /** A response as it comes back. */
    public record Response(int status, String contentType, Function<String, String> header, byte[] body) {
    }

    private record Template(String template, Pattern regex, List<String> names, int literals) {
    }

    private static final Map<Path, ContractValidator> LOADED = new ConcurrentHashMap<>();

    private final JsonNode spec;
    private final SchemaRegistry registry;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ContractValidator(JsonNode spec) {
        this.spec = spec;
        String document;
        try {
            document = JSON.writeValueAsString(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.registry = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(), builder -> builder
                .schemas(Map.of(DOCUMENT, document))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        spec.path("paths").fieldNames().forEachRemaining(template -> {
            List<String> names = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(template);
            StringBuilder regex = new StringBuilder("^");
            int last = 0;
            while (matcher.find()) {
                regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("([^/]+)");
                names.add(matcher.group(1));
                last = matcher.end();
            }
            regex.append(Pattern.quote(template.substring(last))).append("$");
            int literals = (int) java.util.Arrays.stream(template.split("/")).filter(s -> !s.startsWith("{")).count();
            templates.add(new Template(template, Pattern.compile(regex.toString()), names, literals));
        });
        templates.sort(Comparator.comparingInt(Template::literals).reversed());
    }

    /** The contract at {@code openapi/openapi.yaml}, read once. */
    public static ContractValidator contract() {
        return of(Path.of("openapi/openapi.yaml"));
    }

    public static ContractValidator of(Path file) {
        return LOADED.computeIfAbsent(file.toAbsolutePath(), path -> {
            try {
                return new ContractValidator(new ObjectMapper(new YAMLFactory()).readTree(path.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The document, as read. */
    public JsonNode spec() {
        return spec;
    }

    /** The operation of {@code method} at {@code path}, if the contract has one. */
    public Optional<Operation> operation(String method, String path) {
        for (Template template : templates) {
            if (template.regex().matcher(path).matches()) {
                JsonNode item = spec.path("paths").path(template.template());
                String m = method.toLowerCase(Locale.ROOT);
                if (item.has(m)) {
                    String itemPointer = "/paths/" + escape(template.template());
                    return Optional.of(new Operation(m, template.template(), item.get(m), itemPointer + "/" + m,
                            item, itemPointer));
                }
            }
        }
        return Optional.empty();
    }

    /** What is wrong with the request, against its operation; empty when nothing is. */
    public List<String> validateRequest(Request request) {
        List<String> errors = new ArrayList<>();
        Optional<Operation> found = operation(request.method(), request.path());
        if (found.isEmpty()) {
            errors.add(request.method() + " " + request.path() + " is no operation of the contract");
            return errors;
        }
        Operation operation = found.get();
        Map<String, String> pathValues = pathValues(operation.template(), request.path());
        Map<String, Located> parameters = parameters(operation);
        for (var entry : parameters.entrySet()) {
            String in = entry.getKey().substring(0, entry.getKey().indexOf(':'));
            String name = entry.getKey().substring(in.length() + 1);
            JsonNode parameter = entry.getValue().node();
            String value = switch (in) {
                case "path" -> pathValues.get(name);
                case "query" -> first(request.query().get(name));
                case "header" -> request.header().apply(name);
                default -> null;
            };
            if (value == null) {
                if (parameter.path("required").asBoolean(false)) {
                    errors.add(in + " parameter '" + name + "' is required");
                }
                continue;
            }
            if ("query".equals(in) && request.query().get(name).size() > 1) {
                errors.add("query parameter '" + name + "' is given more than once");
            }
            String where = in + " parameter '" + name + "'";
            validate(entry.getValue().pointer() + "/schema", scalar(value, resolve(parameter.path("schema")).node()),
                    where, errors);
        }
        for (String name : request.query().keySet()) {
            if (!parameters.containsKey("query:" + name)) {
                errors.add("query parameter '" + name + "' is not documented");
            }
        }
        JsonNode requestBody = operation.node().path("requestBody");
        boolean hasBody = request.body() != null && request.body().length > 0;
        if (requestBody.isMissingNode()) {
            if (hasBody) {
                errors.add("the operation takes no request body");
            }
            return errors;
        }
        Located body = resolve(requestBody, operation.pointer() + "/requestBody");
        if (!hasBody) {
            if (body.node().path("required").asBoolean(false)) {
                errors.add("the request body is required");
            }
            return errors;
        }
        Optional<String> mediaType = mediaType(body.node().path("content"), request.contentType());
        if (mediaType.isEmpty()) {
            errors.add("request media type " + request.contentType() + " is not documented");
            return errors;
        }
        if (isJson(mediaType.get())) {
            validateJson(body.pointer() + "/content/" + escape(mediaType.get()) + "/schema", request.body(),
                    "request body", errors);
        }
        return errors;
    }

    /** What is wrong with the response, against the operation of the request; empty when nothing is. */
    public List<String> validateResponse(String method, String path, Response response) {
        List<String> errors = new ArrayList<>();
        Optional<Operation> found = operation(method, path);
        if (found.isEmpty()) {
            if (response.contentType() != null && response.contentType().startsWith("application/problem+json")) {
                validateJson("/components/schemas/Problem", response.body(), "problem", errors);
            }
            return errors;
        }
        Operation operation = found.get();
        JsonNode responses = operation.node().path("responses");
        String code = String.valueOf(response.status());
        String key = responses.has(code) ? code : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            errors.add(operation.method().toUpperCase(Locale.ROOT) + " " + operation.template() + ": status " + code
                    + " is not documented");
            return errors;
        }
        Located documented = resolve(responses.path(key), operation.pointer() + "/responses/" + escape(key));
        JsonNode headers = documented.node().path("headers");
        for (var header : iterable(headers.fields())) {
            String value = response.header().apply(header.getKey());
            Located definition = resolve(header.getValue(), documented.pointer() + "/headers/"
                    + escape(header.getKey()));
            if (value == null) {
                if (definition.node().path("required").asBoolean(false)) {
                    errors.add("response header " + header.getKey() + " is required");
                }
                continue;
            }
            validate(definition.pointer() + "/schema", scalar(value, resolve(definition.node().path("schema"))
                    .node()), "response header " + header.getKey(), errors);
        }
        boolean hasBody = response.body() != null && response.body().length > 0;
        JsonNode content = documented.node().path("content");
        if (!hasBody) {
            return errors;
        }
        if (content.isMissingNode() || content.isEmpty()) {
            errors.add("status " + code + " has a body but documents none");
            return errors;
        }
        Optional<String> mediaType = mediaType(content, response.contentType());
        if (mediaType.isEmpty()) {
            errors.add("response media type " + response.contentType() + " is not documented for " + code);
            return errors;
        }
        if (isJson(mediaType.get())) {
            validateJson(documented.pointer() + "/content/" + escape(mediaType.get()) + "/schema", response.body(),
                    "response body", errors);
        }
        return errors;
    }

    /** What is wrong with {@code instance} against the schema at {@code pointer} of the document. */
    public List<String> validateAgainst(String pointer, JsonNode instance) {
        List<String> errors = new ArrayList<>();
        validate(pointer, instance, "instance", errors);
        return errors;
    }

    private void validateJson(String pointer, byte[] body, String what, List<String> errors) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            errors.add(what + " is not JSON: " + e.getMessage());
            return;
        }
        validate(pointer, instance, what, errors);
    }

    private void validate(String pointer, JsonNode instance, String what, List<String> errors) {
        Schema schema = schemas.computeIfAbsent(pointer,
                p -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + p)));
        schema.validate(instance).forEach(error -> errors.add(what + " " + error.getInstanceLocation() + ": "
                + error.getKeyword() + " " + error.getSchemaNode() + " does not hold for " + abbreviate(
                String.valueOf(error.getInstanceNode())) + " (" + error.getSchemaLocation() .getFragment() + ")"));
    }

    /** The parameters of an operation (its path item's, overridden by its own), by {@code in:name}. */
    private Map<String, Located> parameters(Operation operation) {
        Map<String, Located> parameters = new LinkedHashMap<>();
        for (var list : List.of(new Located(operation.pathItem().path("parameters"), operation.pathPointer()
                + "/parameters"), new Located(operation.node().path("parameters"), operation.pointer()
                + "/parameters"))) {
            for (int i = 0; i < list.node().size(); i++) {
                Located parameter = resolve(list.node().get(i), list.pointer() + "/" + i);
                parameters.put(parameter.node().path("in").asText() + ":" + parameter.node().path("name").asText(),
                        parameter);
            }
        }
        return parameters;
    }

    /** The parameters documented for an operation, as {@code in:name} (for coverage checks). */
    public Set<String> parameterNames(Operation operation) {
        return parameters(operation).keySet();
    }

    /** A node with the JSON pointer it was found at, after following {@code $ref}s. */
    private record Located(JsonNode node, String pointer) {
    }

    private Located resolve(JsonNode node, String pointer) {
        JsonNode current = node;
        String at = pointer;
        while (current.has("$ref")) {
            at = current.get("$ref").asText().substring(1);
            current = spec.at(at);
        }
        return new Located(current, at);
    }

    private Located resolve(JsonNode node) {
        return resolve(node, "");
    }

    private static Map<String, String> pathValues(String template, String path) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] expected = template.split("/");
        String[] actual = path.split("/");
        for (int i = 0; i < expected.length && i < actual.length; i++) {
            if (expected[i].startsWith("{")) {
                values.put(expected[i].substring(1, expected[i].length() - 1),
                        URLDecoder.decode(actual[i], StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** A parameter's text as the JSON value its schema's type reads it as. */
    private static JsonNode scalar(String value, JsonNode schema) {
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText()
                : schema.path("type").asText("string");
        try {
            return switch (type) {
                case "integer" -> JsonNodeFactory.instance.numberNode(Long.parseLong(value));
                case "number" -> JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(value));
                case "boolean" -> value.equals("true") || value.equals("false")
                        ? JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value))
                        : JsonNodeFactory.instance.textNode(value);
                default -> JsonNodeFactory.instance.textNode(value);
            };
        } catch (NumberFormatException notANumber) {
            return JsonNodeFactory.instance.textNode(value);
        }
    }

    private static Optional<String> mediaType(JsonNode content, String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (content.has(base)) {
            return Optional.of(base);
        }
        for (var documented : iterable(content.fieldNames())) {
            if (documented.equals("*/*") || documented.endsWith("/*")
                    && base.startsWith(documented.substring(0, documented.length() - 1))) {
                return Optional.of(documented);
            }
        }
        return Optional.empty();
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }

    /** The query of a raw URI query string, decoded. */
    public static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }
}
