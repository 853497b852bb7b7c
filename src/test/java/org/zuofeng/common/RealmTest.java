package org.zuofeng.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped Keycloak realm issues tokens the API accepts, to the clients meant to call it only: each client that
 * calls the API puts {@code zuofeng-api} into {@code aud} (the API refuses any token without it), and none takes a
 * user's password directly, not even the {@code admin-cli} Keycloak puts in every realm. That it also imports as
 * meant, into a real Keycloak, is {@code KeycloakE2EIT}'s to show ({@code ./mvnw verify -Pkeycloak}).
 */
class RealmTest {

    @Test
    void everyClientThatCallsTheApiNamesItAsAudienceAndNoneTakesPasswords() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(Path.of("deploy/keycloak/realm.json").toFile());
        List<String> callers = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (id.equals("admin-cli")) {
                // Keycloak's own command-line client, in every realm with direct grants on unless the realm says
                // otherwise: it calls no API, and takes no passwords here.
                assertTrue(!client.path("directAccessGrantsEnabled").asBoolean(true), "admin-cli takes no passwords");
                assertTrue(!client.path("standardFlowEnabled").asBoolean(true), "admin-cli signs no one in");
                continue;
            }
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

    /**
     * One demo user per role a person holds (the integration role is the integration client's service account), each
     * made to replace the demo password at the first sign-in: by the required action, since Keycloak drops
     * {@code "temporary": true} from credentials on import.
     */
    @Test
    void everyRoleHasADemoUserWhoMustReplaceTheDemoPassword() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(Path.of("deploy/keycloak/realm.json").toFile());
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
        Set<String> people = new TreeSet<>();
        Set<String> machines = new TreeSet<>();
        for (JsonNode user : realm.path("users")) {
            List<String> userRoles = new ArrayList<>();
            user.path("realmRoles").forEach(role -> userRoles.add(role.asText()));
            if (user.has("serviceAccountClientId")) {
                machines.addAll(userRoles);
                continue;
            }
            String name = user.path("username").asText();
            assertEquals(1, userRoles.size(), name + " holds one role");
            people.addAll(userRoles);
            assertTrue(user.path("id").asText().matches("[0-9a-f-]{36}"), name + " has a fixed id, its tokens' sub");
            assertEquals(List.of("UPDATE_PASSWORD"), texts(user.path("requiredActions")), name);
            for (JsonNode credential : user.path("credentials")) {
                assertTrue(!credential.has("temporary"), name + ": Keycloak ignores temporary on import");
            }
        }
        assertEquals(Set.of("integration"), machines);
        Set<String> covered = new TreeSet<>(people);
        covered.addAll(machines);
        assertEquals(roles, covered, "every role has a demo user or the service account");
        assertEquals(9, roles.size(), "the seven of Roles.ALL, the custodian and the official");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
