package org.zuofeng.common.openapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The contract's version is read from the head of the document; the rest of it when first needed. */
class ContractTest {

    private static final YAMLFactory YAML = new YAMLFactory();

    @Test
    void announcesTheVersionTheWholeDocumentHas() throws IOException {
        String whole = new ObjectMapper(YAML).readTree(Path.of("openapi/openapi.yaml").toFile())
                .path("info").path("version").asText();
        assertEquals(whole, new Contract().version());
    }

    @Test
    void takesOnlyInfosOwnVersionWhereverItStands() throws IOException {
        String yaml = """
                openapi: 3.1.0
                paths:
                  /a:
                    get: {}
                x-version: 9.9.9
                info:
                  title: T
                  contact: {name: N, version: 8.8.8}
                  x-notes: [version, {version: 7.7.7}]
                  version: 1.2.3
                components: {}
                """;
        assertEquals("1.2.3", versionOf(yaml));
        assertThrows(IllegalStateException.class, () -> versionOf("openapi: 3.1.0\ninfo:\n  title: T\n"));
        assertThrows(IllegalStateException.class, () -> versionOf("- not\n- a document\n"));
    }

    @Test
    void answersTheMethodsOfAPathFromTheDocument() {
        assertEquals(List.of("GET", "HEAD"), new Contract().methodsOf("/api/v1/openapi.json"));
    }

    private static String versionOf(String yaml) throws IOException {
        try (JsonParser parser = YAML.createParser(yaml)) {
            return Contract.infoVersion(parser);
        }
    }
}
