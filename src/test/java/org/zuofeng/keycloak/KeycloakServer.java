package org.zuofeng.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.zuofeng.support.Processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A real Keycloak from the distribution the build unpacked ({@code -Pkeycloak}), started in dev mode on loopback
 * with the shipped realm imported as an operator imports it ({@code data/import}, {@code --import-realm}), and the
 * few of its endpoints the end-to-end test speaks to: the realm's token endpoint and the admin REST API.
 * <p>
 * No {@code --hostname}: the issuer of a token is the URL it was fetched at, as with a Keycloak an operator starts
 * without {@code KC_HOSTNAME}, which the test uses to show what a mismatched issuer does.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "zuofeng";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private KeycloakServer(Process process, int port, int managementPort, Path log, String adminPassword) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts Keycloak from {@code home} with a fresh data directory holding only {@code realmFile} to import, and
     * waits (at most {@code timeout}) until the realm's discovery document is served and Keycloak reports ready.
     */
    static KeycloakServer start(Path home, Path realmFile, Path javaHome, Path log, Duration timeout)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home + ": run with -Pkeycloak, which unpacks it");
        }
        // Every run imports the realm as shipped: nothing of an earlier run (an H2 database, a changed client) is kept.
        Processes.deleteRecursively(home.resolve("data"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);

        int port = Processes.freePort();
        int managementPort = Processes.freePort();
        String adminPassword = "e2e-" + UUID.randomUUID();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false", "--health-enabled=true", "--import-realm")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        // The temporary administrator of the master realm, for the admin REST API.
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        KeycloakServer server = new KeycloakServer(builder.start(), port, managementPort, log, adminPassword);
        try {
            server.awaitReady(timeout);
        } catch (RuntimeException | Error | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        String discovery = realmUrl("127.0.0.1") + "/.well-known/openid-configuration";
        String ready = "http://127.0.0.1:" + managementPort + "/health/ready";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Keycloak exited (" + process.exitValue() + ") before it was ready:\n"
                        + Processes.tail(log, 80));
            }
            if (Processes.statusOf(http, discovery) == 200 && Processes.statusOf(http, ready) == 200) {
                System.out.printf("Keycloak ready on 127.0.0.1:%d after %d s%n", port,
                        Duration.between(started, Instant.now()).toSeconds());
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Keycloak was not ready within " + timeout.toSeconds() + " s:\n"
                + Processes.tail(log, 80));
    }

    /** The realm as reached through {@code host} (which Keycloak makes the issuer of the tokens it hands out there). */
    String realmUrl(String host) {
        return "http://" + host + ":" + port + "/realms/" + REALM;
    }

    /** The realm at 127.0.0.1, as the service is configured to reach it. */
    String realmUrl() {
        return realmUrl("127.0.0.1");
    }

    String tokenEndpoint(String host) {
        return realmUrl(host) + "/protocol/openid-connect/token";
    }

    Path log() {
        return log;
    }

    /** A POST of a form to the token endpoint reached through {@code host}: the status and the JSON answer. */
    Answer token(String host, Map<String, String> form) {
        return post(tokenEndpoint(host), form, null);
    }

    Answer token(Map<String, String> form) {
        return token("127.0.0.1", form);
    }

    /**
     * Sets an attribute of a client of the realm through the admin REST API; {@code null} clears it (Keycloak keeps
     * an attribute a PUT leaves out, and reads a blank one as not set).
     */
    void setClientAttribute(String clientId, String name, String value) {
        String admin = "http://127.0.0.1:" + port + "/admin/realms/" + REALM + "/clients";
        JsonNode found = send(HttpRequest.newBuilder(URI.create(admin + "?clientId=" + encode(clientId)))
                .header("Authorization", "Bearer " + adminToken()).GET()).json();
        ObjectNode client = (ObjectNode) found.get(0);
        ObjectNode attributes = client.get("attributes") instanceof ObjectNode existing ? existing
                : client.putObject("attributes");
        attributes.put(name, value == null ? "" : value);
        Answer updated = send(HttpRequest.newBuilder(URI.create(admin + "/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())));
        if (updated.status() != 204) {
            throw new AssertionError("Keycloak refused to update " + clientId + ": " + updated);
        }
    }

    /** A token of the master realm's temporary administrator (its admin-cli keeps direct grants, as Keycloak ships it). */
    private String adminToken() {
        Answer answer = post("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", adminPassword), null);
        if (answer.status() != 200) {
            throw new AssertionError("no admin token: " + answer);
        }
        return answer.json().get("access_token").asText();
    }

    private Answer post(String url, Map<String, String> form, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A form of several fields in order (Map.of has none). */
    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(30));
    }

    /** An answer of Keycloak: its status and body. */
    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String accessToken() {
            if (status != 200) {
                throw new AssertionError("no token (" + status + "): " + body);
            }
            return json().get("access_token").asText();
        }
    }

    /** The claims of a JWT (read, not verified: the service verifies them). */
    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts of a JSON array (a role list, an audience that may be one text or several). */
    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return texts;
        }
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }
}
