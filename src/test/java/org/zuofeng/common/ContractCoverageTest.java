package org.zuofeng.common;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;
import org.zuofeng.common.concurrency.Versioned;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.web.PublicPaths;
import org.zuofeng.support.ContractValidator;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The code and the contract offer the same operations, each with the same parameters (every documented path, query
 * and header parameter is read, every parameter read is documented), and every operation documents each status the
 * mechanisms around it can produce.
 */
class ContractCoverageTest {

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");
    /** Headers HTTP itself gives meaning to: not parameters of an operation (OpenAPI 3.1 §4.8.12.1). */
    private static final Set<String> HTTP_HEADERS = Set.of("content-type", "content-length", "accept",
            "authorization");
    private static final ContractValidator CONTRACT = ContractValidator.contract();

    /** A resource method: its operation, and the parameters the code reads, as {@code in:name}. */
    record Served(String method, String path, Set<String> parameters, Method javaMethod, Class<?> resource) {
        String operation() {
            return method + " " + normalise(path);
        }
    }

    @Test
    void theCodeAndTheContractOfferTheSameOperations() throws Exception {
        Set<String> served = new TreeSet<>();
        served().forEach(s -> served.add(s.operation()));
        assertEquals(contractOperations(), served);
    }

    @Test
    void everyOperationReadsExactlyTheParametersItDocuments() throws Exception {
        List<String> drift = new ArrayList<>();
        for (Served served : served()) {
            ContractValidator.Operation operation = CONTRACT.operation(served.method(), example(served.path()))
                    .orElseThrow();
            Set<String> documented = new TreeSet<>();
            for (String parameter : CONTRACT.parameterNames(operation)) {
                documented.add(canonical(parameter, operation.template()));
            }
            Set<String> read = new TreeSet<>();
            served.parameters().forEach(p -> read.add(canonical(p, served.path())));
            // Mechanisms around operations read these: the idempotency filter (every POST with a caller) and the
            // conditional GET (every GET answering a versioned record, and every cacheable public read).
            if (served.method().equals("POST") && !anonymous(served)) {
                read.add("header:idempotency-key");
            }
            if (served.method().equals("GET") && (Versioned.class.isAssignableFrom(served.javaMethod()
                    .getReturnType()) || PublicPaths.cacheable(served.path()))) {
                read.add("header:if-none-match");
            }
            Set<String> undocumented = new TreeSet<>(read);
            undocumented.removeAll(documented);
            Set<String> unread = new TreeSet<>(documented);
            unread.removeAll(read);
            undocumented.forEach(p -> drift.add(served.operation() + " reads " + p + ", which is not documented"));
            unread.forEach(p -> drift.add(served.operation() + " documents " + p + ", which the code never reads"));
        }
        assertEquals(List.of(), drift);
    }

    @Test
    void everyOperationDocumentsEveryStatusItsMechanismsCanProduce() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Served served : served()) {
            ContractValidator.Operation operation = CONTRACT.operation(served.method(), example(served.path()))
                    .orElseThrow();
            Map<String, String> need = new TreeMap<>();
            need.put("400", "unknown or malformed parameters");
            need.put("500", "anything unexpected");
            need.put("503", "the database or identity provider away, or the instance stopping");
            Produces produces = served.javaMethod().getAnnotation(Produces.class) != null
                    ? served.javaMethod().getAnnotation(Produces.class) : served.resource().getAnnotation(Produces.class);
            if (produces == null || !List.of(produces.value()).contains("*/*")) {
                need.put("406", "an Accept it cannot answer");
            }
            if (!operation.node().path("security").isArray() || !operation.node().path("security").isEmpty()) {
                need.put("401", "no or an invalid token");
            }
            Permission permission = permissionOf(served);
            if (permission != null && permission != Permission.SIGNED_IN) {
                need.put(permission.secret() ? "404" : "403", "a role that may not");
            }
            if (served.parameters().stream().anyMatch(p -> p.startsWith("path:"))) {
                need.put("404", "a record that does not exist or lies outside the caller's scope");
            }
            JsonNode body = operation.node().path("requestBody");
            if (!body.isMissingNode() && CONTRACT.spec().at(body.path("$ref").asText("#").substring(1))
                    .path("content").has("application/json") || body.path("content").has("application/json")) {
                need.put("413", "a JSON body over the limit");
                need.put("415", "a body of another type, or of none");
            }
            if (served.method().equals("GET") && PublicPaths.cacheable(served.path())) {
                need.put("304", "a repeated read with its ETag");
            }
            if (served.path().startsWith("/api/v1/public/")) {
                need.put("429", "a client over the public API's rate limit");
            }
            if (served.method().equals("POST") && !anonymous(served)) {
                need.put("409", "an Idempotency-Key still in flight");
                need.put("422", "an Idempotency-Key reused with another body");
            }
            if (served.parameters().contains("header:If-Match")) {
                need.put("412", "a stale If-Match");
                need.put("428", "no If-Match, or *");
            }
            need.forEach((status, why) -> {
                if (!operation.node().path("responses").has(status)) {
                    missing.add(served.operation() + " can answer " + status + " (" + why + ")");
                }
            });
        }
        assertEquals(List.of(), missing);
    }

    /** Whether the operation is public: its callers are anonymous. */
    private static boolean anonymous(Served served) {
        return permissionOf(served) == null;
    }

    /** The permission the operation declares; null for a public one. */
    private static Permission permissionOf(Served served) {
        Requires requires = served.javaMethod().getAnnotation(Requires.class);
        if (requires == null && !served.javaMethod().isAnnotationPresent(PermitAll.class)) {
            requires = served.resource().getAnnotation(Requires.class);
        }
        return requires == null ? null : requires.value();
    }

    private static List<Served> served() throws IOException, ClassNotFoundException {
        List<Served> operations = new ArrayList<>();
        java.nio.file.Path classes = Paths.get("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, ContractCoverageTest.class.getClassLoader());
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (var verb : VERBS.entrySet()) {
                        if (method.isAnnotationPresent(verb.getKey())) {
                            Path sub = method.getAnnotation(Path.class);
                            operations.add(new Served(verb.getValue(), root.value() + (sub == null ? ""
                                    : "/" + sub.value()), parametersOf(method), method, type));
                        }
                    }
                }
            }
        }
        return operations;
    }

    private static Set<String> parametersOf(Method method) {
        Set<String> parameters = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            collect(parameter, parameters);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        collect(field, parameters);
                    }
                }
            }
        }
        return parameters;
    }

    private static void collect(AnnotatedElement element, Set<String> into) {
        if (element.getAnnotation(PathParam.class) != null) {
            into.add("path:" + element.getAnnotation(PathParam.class).value());
        }
        if (element.getAnnotation(QueryParam.class) != null) {
            into.add("query:" + element.getAnnotation(QueryParam.class).value());
        }
        HeaderParam header = element.getAnnotation(HeaderParam.class);
        if (header != null && !HTTP_HEADERS.contains(header.value().toLowerCase(Locale.ROOT))) {
            into.add("header:" + header.value());
        }
    }

    /** Header names compare case-insensitively; path parameters by position (the code may name them otherwise). */
    private static String canonical(String parameter, String template) {
        if (parameter.startsWith("header:")) {
            return parameter.toLowerCase(Locale.ROOT);
        }
        if (parameter.startsWith("path:")) {
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return "path:#" + names.indexOf(parameter.substring("path:".length()));
        }
        return parameter;
    }

    private static Set<String> contractOperations() {
        Set<String> operations = new TreeSet<>();
        CONTRACT.spec().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> {
                    if (Set.of("get", "post", "put", "delete", "patch").contains(verb)) {
                        operations.add(verb.toUpperCase(Locale.ROOT) + " " + normalise(path.getKey()));
                    }
                }));
        return operations;
    }

    /** A concrete path of a template, to look its operation up. */
    private static String example(String template) {
        return ("/" + template).replaceAll("/+", "/").replaceAll("/$", "")
                .replaceAll("\\{[^}]+}", "01a23400-0000-7000-8000-000000000001");
    }

    /** Same path whatever the parameters are called. */
    private static String normalise(String path) {
        return ("/" + path).replaceAll("/+", "/").replaceAll("/$", "").replaceAll("\\{[^}]+}", "{}");
    }
}
