package org.zuofeng.common.openapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    private static final YAMLFactory YAML = new YAMLFactory();

    private final String version;
    private volatile JsonNode document;

    /**
     * Reads only the contract's {@code info.version}, near the top of the file. The document itself (half a megabyte
     * of YAML) is parsed when it is first needed, not on every start.
     */
    public Contract() {
        try (InputStream in = open(); JsonParser parser = YAML.createParser(in)) {
            this.version = infoVersion(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
    }

    /** {@code info.version} of the contract, sent as the {@code API-Version} header. */
    public String version() {
        return version;
    }

    public JsonNode document() {
        JsonNode parsed = document;
        if (parsed == null) {
            synchronized (this) {
                parsed = document;
                if (parsed == null) {
                    try (InputStream in = open()) {
                        parsed = new ObjectMapper(YAML).readTree(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read " + LOCATION, e);
                    }
                    document = parsed;
                }
            }
        }
        return parsed;
    }

    /** The HTTP methods the contract defines for the path template matching {@code path}, for {@code Allow}. */
    public List<String> methodsOf(String path) {
        List<String> methods = new ArrayList<>();
        document().path("paths").fields().forEachRemaining(entry -> {
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

    private static InputStream open() {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LOCATION);
        if (in == null) {
            throw new IllegalStateException(LOCATION + " is missing from the application");
        }
        return in;
    }

    /** The text of {@code info.version}, reading the document's tokens only as far as it. */
    static String infoVersion(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalStateException(LOCATION + " is not an OpenAPI document");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("info") && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("version")) {
                        return parser.getValueAsString();
                    }
                    parser.skipChildren();
                }
                break;
            }
            parser.skipChildren();
        }
        throw new IllegalStateException(LOCATION + " has no info.version");
    }
}
