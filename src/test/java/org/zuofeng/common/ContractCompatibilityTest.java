package org.zuofeng.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract only grows: compared with every released version in {@code openapi/released/} of the same major
 * version, nothing a client relies on has been removed or tightened. A breaking change needs a new major version,
 * with one exception: a break that a security fix forces, declared in the contract itself under
 * {@code info.x-breaking-changes} (the version it came with, the change, and why), so that clients read of it where
 * they read the contract. A declared break must really be one (else the declaration is stale and fails too).
 */
class ContractCompatibilityTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyReleasedContractOfThisMajorVersionIsStillHonoured() throws IOException {
        JsonNode current = YAML.readTree(Path.of("openapi/openapi.yaml").toFile());
        String major = major(current);
        List<Path> releases;
        try (Stream<Path> files = Files.list(Path.of("openapi/released"))) {
            releases = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(!releases.isEmpty(), "openapi/released holds the released contracts");
        Set<String> declaredAndSeen = new HashSet<>();
        for (Path release : releases) {
            JsonNode released = YAML.readTree(release.toFile());
            if (!major(released).equals(major)) {
                continue;
            }
            List<String> declared = declaredBreaks(current, released);
            List<String> breaks = new ArrayList<>();
            for (String found : new Compatibility(released, current).breaks()) {
                declared.stream().filter(found::contains).findFirst().ifPresentOrElse(declaredAndSeen::add,
                        () -> breaks.add(found));
            }
            assertEquals(List.of(), breaks, "breaking changes against " + release.getFileName());
        }
        for (JsonNode declared : current.path("info").path("x-breaking-changes")) {
            assertTrue(declaredAndSeen.contains(declared.path("change").asText()),
                    "declared break '" + declared.path("change").asText() + "' is no break of any release");
            assertTrue(declared.path("reason").asText().length() > 40, "a declared break says why");
        }
    }

    /** The breaks {@code current} declares against a release older than the version each came with. */
    private static List<String> declaredBreaks(JsonNode current, JsonNode released) {
        List<String> changes = new ArrayList<>();
        for (JsonNode declared : current.path("info").path("x-breaking-changes")) {
            if (compareVersions(released.path("info").path("version").asText(), declared.path("since").asText()) < 0) {
                changes.add(declared.path("change").asText());
            }
        }
        return changes;
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int difference = Integer.parseInt(i < x.length ? x[i] : "0") - Integer.parseInt(i < y.length ? y[i] : "0");
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    @Test
    void theCheckerSeesRemovedOperationsFieldsAndEnumValuesAndNewRequirements() throws IOException {
        JsonNode released = YAML.readTree(Path.of("openapi/openapi.yaml").toFile());
        JsonNode changed = released.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed.path("paths").path("/api/v1/units/{id}"))
                .remove("delete");
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed.path("components").path("schemas").path("Unit")
                .path("properties")).remove("path");
        ((com.fasterxml.jackson.databind.node.ArrayNode) changed.path("components").path("schemas")
                .path("UnitWrite").path("required")).add("parentId");
        ((com.fasterxml.jackson.databind.node.ArrayNode) changed.path("components").path("schemas")
                .path("UnitStatus").path("enum")).remove(1);

        List<String> breaks = new Compatibility(released, changed).breaks();
        assertTrue(breaks.stream().anyMatch(b -> b.contains("DELETE /api/v1/units/{id}")), breaks.toString());
        assertTrue(breaks.stream().anyMatch(b -> b.contains("'path'")), breaks.toString());
        assertTrue(breaks.stream().anyMatch(b -> b.contains("'parentId' became required")), breaks.toString());
        assertTrue(breaks.stream().anyMatch(b -> b.contains("DISSOLVED")), breaks.toString());
    }

    private static String major(JsonNode spec) {
        return spec.path("info").path("version").asText().split("\\.")[0];
    }

    /** Walks a released contract and finds what the current one no longer offers. */
    private static final class Compatibility {
        private final JsonNode released;
        private final JsonNode current;
        private final List<String> breaks = new ArrayList<>();

        Compatibility(JsonNode released, JsonNode current) {
            this.released = released;
            this.current = current;
        }

        List<String> breaks() {
            for (Iterator<String> paths = released.path("paths").fieldNames(); paths.hasNext(); ) {
                String path = paths.next();
                JsonNode oldPath = released.path("paths").path(path);
                JsonNode newPath = current.path("paths").path(path);
                for (Iterator<String> names = oldPath.fieldNames(); names.hasNext(); ) {
                    String method = names.next();
                    if (!METHODS.contains(method)) {
                        continue;
                    }
                    String operation = method.toUpperCase() + " " + path;
                    if (newPath.path(method).isMissingNode()) {
                        breaks.add(operation + " was removed");
                        continue;
                    }
                    compareOperation(operation, oldPath, newPath, method);
                }
            }
            return breaks;
        }

        private void compareOperation(String operation, JsonNode oldPath, JsonNode newPath, String method) {
            JsonNode oldOp = oldPath.path(method);
            JsonNode newOp = newPath.path(method);
            Set<String> oldParams = parameters(oldPath, oldOp, released, false);
            for (String param : parameters(newPath, newOp, current, false)) {
                if (!oldParams.contains(param) && parameters(newPath, newOp, current, true).contains(param)) {
                    breaks.add(operation + ": new required parameter " + param);
                }
            }
            for (String param : oldParams) {
                if (!parameters(newPath, newOp, current, false).contains(param)) {
                    breaks.add(operation + ": parameter " + param + " was removed");
                }
            }
            JsonNode oldBody = oldOp.path("requestBody").path("content").path("application/json").path("schema");
            JsonNode newBody = newOp.path("requestBody").path("content").path("application/json").path("schema");
            if (!oldBody.isMissingNode()) {
                compareSchema(operation + " request", resolve(released, oldBody), resolve(current, newBody), true,
                        new HashSet<>());
            }
            for (Iterator<String> codes = oldOp.path("responses").fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                JsonNode newResponse = resolve(current, newOp.path("responses").path(code));
                if (newResponse.isMissingNode()) {
                    breaks.add(operation + ": response " + code + " was removed");
                    continue;
                }
                JsonNode oldSchema = resolve(released, oldOp.path("responses").path(code)).path("content")
                        .path("application/json").path("schema");
                if (!oldSchema.isMissingNode()) {
                    compareSchema(operation + " response " + code, resolve(released, oldSchema),
                            resolve(current, newResponse.path("content").path("application/json").path("schema")),
                            false, new HashSet<>());
                }
            }
        }

        /** Request schemas must not require more; response schemas must keep every member and guarantee. */
        private void compareSchema(String where, JsonNode oldSchema, JsonNode newSchema, boolean request,
                Set<String> seen) {
            if (!seen.add(where) || oldSchema.isMissingNode()) {
                return;
            }
            if (newSchema.isMissingNode()) {
                breaks.add(where + ": the schema was removed");
                return;
            }
            if (!request && !nullable(oldSchema) && nullable(newSchema)) {
                breaks.add(where + ": may now be null");
            }
            Set<String> oldEnum = values(oldSchema.path("enum"));
            Set<String> newEnum = values(newSchema.path("enum"));
            if (!oldEnum.isEmpty()) {
                oldEnum.removeAll(newEnum);
                if (!newEnum.isEmpty() && !oldEnum.isEmpty()) {
                    breaks.add(where + ": enum values " + oldEnum + " were removed");
                }
            }
            Set<String> oldRequired = values(oldSchema.path("required"));
            Set<String> newRequired = values(newSchema.path("required"));
            if (request) {
                for (String name : newRequired) {
                    if (!oldRequired.contains(name)) {
                        breaks.add(where + ": '" + name + "' became required");
                    }
                }
            } else {
                for (String name : oldRequired) {
                    if (!newRequired.contains(name)) {
                        breaks.add(where + ": '" + name + "' is no longer always present");
                    }
                }
            }
            for (Iterator<String> names = oldSchema.path("properties").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode newProperty = newSchema.path("properties").path(name);
                if (newProperty.isMissingNode()) {
                    breaks.add(where + ": member '" + name + "' was removed");
                    continue;
                }
                compareSchema(where + "." + name, resolve(released, oldSchema.path("properties").path(name)),
                        resolve(current, newProperty), request, seen);
            }
            if (oldSchema.has("items")) {
                compareSchema(where + "[]", resolve(released, oldSchema.path("items")),
                        resolve(current, newSchema.path("items")), request, seen);
            }
        }

        private static Set<String> parameters(JsonNode path, JsonNode operation, JsonNode spec, boolean required) {
            Set<String> names = new HashSet<>();
            for (JsonNode list : List.of(path.path("parameters"), operation.path("parameters"))) {
                for (JsonNode parameter : list) {
                    JsonNode resolved = resolve(spec, parameter);
                    if (!required || resolved.path("required").asBoolean(false)) {
                        names.add(resolved.path("in").asText() + ":" + resolved.path("name").asText());
                    }
                }
            }
            return names;
        }

        private static Set<String> values(JsonNode array) {
            Set<String> values = new HashSet<>();
            array.forEach(v -> values.add(v.asText()));
            return values;
        }

        /**
         * The schema a node stands for: references followed, and a nullable wrapper ({@code anyOf} of one schema
         * and {@code type: 'null'}) seen through, keeping its nullability ({@link #nullable}).
         */
        private static JsonNode resolve(JsonNode spec, JsonNode node) {
            JsonNode resolved = node;
            while (resolved.has("$ref")) {
                String ref = resolved.path("$ref").asText();
                resolved = spec.at(ref.substring(1));
            }
            List<JsonNode> branches = new ArrayList<>();
            resolved.path("anyOf").forEach(branches::add);
            if (branches.size() == 2 && branches.stream().anyMatch(Compatibility::isNull)) {
                JsonNode other = branches.stream().filter(b -> !isNull(b)).findFirst().orElseThrow();
                ObjectNode seen = resolve(spec, other).deepCopy();
                seen.put("x-nullable-wrapper", true);
                return seen;
            }
            return resolved;
        }

        private static boolean isNull(JsonNode schema) {
            return "null".equals(schema.path("type").asText());
        }

        private static boolean nullable(JsonNode schema) {
            return schema.path("x-nullable-wrapper").asBoolean(false) || isNull(schema)
                    || values(schema.path("type")).contains("null");
        }
    }
}
