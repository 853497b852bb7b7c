package org.zuofeng.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every operation the code serves is in the contract, and every operation of the contract is served. */
class ContractCoverageTest {

    private static final Map<Class<? extends java.lang.annotation.Annotation>, String> VERBS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");

    @Test
    void theCodeAndTheContractOfferTheSameOperations() throws Exception {
        assertEquals(contractOperations(), servedOperations());
    }

    private static Set<String> servedOperations() throws IOException, ClassNotFoundException {
        Set<String> operations = new TreeSet<>();
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
                            operations.add(verb.getValue() + " " + normalise(root.value()
                                    + (sub == null ? "" : "/" + sub.value())));
                        }
                    }
                }
            }
        }
        return operations;
    }

    private static Set<String> contractOperations() throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Paths.get("openapi/openapi.yaml").toFile());
        Set<String> operations = new TreeSet<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(verb -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(verb)) {
                operations.add(verb.toUpperCase() + " " + normalise(path.getKey()));
            }
        }));
        return operations;
    }

    /** Same path whatever the parameters are called. */
    private static String normalise(String path) {
        return ("/" + path).replaceAll("/+", "/").replaceAll("/$", "").replaceAll("\\{[^}]+}", "{}");
    }
}
