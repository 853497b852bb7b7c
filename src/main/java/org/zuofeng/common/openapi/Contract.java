package org.zuofeng.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The published contract, {@code openapi/openapi.yaml}, as packaged into the application: the single source of the
 * API version announced in every response and of the JSON document served at {@code /api/v1/openapi.json}.
 */
@ApplicationScoped
public class Contract {

    static final String LOCATION = "META-INF/openapi.yaml";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;
    private final String version;

    public Contract() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is missing from the application");
            }
            this.document = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
        this.version = document.path("info").path("version").asText();
    }

    /** {@code info.version} of the contract, sent as the {@code API-Version} header. */
    public String version() {
        return version;
    }

    public JsonNode document() {
        return document;
    }

    /** The HTTP methods the contract defines for the path template matching {@code path}, for {@code Allow}. */
    public List<String> methodsOf(String path) {
        List<String> methods = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(entry -> {
            String template = entry.getKey().replaceAll("\\{[^/]+}", "[^/]+");
            if (path.matches(template)) {
                entry.getValue().fieldNames().forEachRemaining(name -> {
                    if (HTTP_METHODS.contains(name)) {
                        methods.add(name.toUpperCase(Locale.ROOT));
                    }
                });
            }
        });
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return methods;
    }
}
