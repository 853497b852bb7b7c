package org.zuofeng.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped Keycloak realm issues tokens the API accepts, to the clients meant to call it only: each client that
 * calls the API puts {@code zuofeng-api} into {@code aud} (the API refuses any token without it), and none takes a
 * user's password directly.
 */
class RealmTest {

    @Test
    void everyClientThatCallsTheApiNamesItAsAudienceAndNoneTakesPasswords() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(Path.of("deploy/keycloak/realm.json").toFile());
        List<String> callers = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (client.path("bearerOnly").asBoolean(false)) {
                assertEquals("zuofeng-api", id, "the only bearer-only client is the API itself");
                continue;
            }
            callers.add(id);
            boolean audience = false;
            for (JsonNode mapper : client.path("protocolMappers")) {
                audience |= mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                        && mapper.path("config").path("included.client.audience").asText().equals("zuofeng-api")
                        && mapper.path("config").path("access.token.claim").asText().equals("true");
            }
            assertTrue(audience, id + " puts zuofeng-api into the access token's aud");
            assertTrue(!client.path("directAccessGrantsEnabled").asBoolean(true),
                    id + " takes no passwords (no direct access grants)");
        }
        assertEquals(List.of("zuofeng-console", "zuofeng-mobile", "zuofeng-integration"), callers);
    }
}
