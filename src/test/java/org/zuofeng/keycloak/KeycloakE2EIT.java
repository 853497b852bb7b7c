package org.zuofeng.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.zuofeng.common.devdb.EmbeddedPostgresLauncher;
import org.zuofeng.support.Contract;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Processes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped realm ({@code deploy/keycloak/realm.json}) in a real Keycloak, and the packaged jar in the prod profile
 * against it and a real PostgreSQL, configured only as an operator configures it (environment variables), driven
 * with the tokens operators and users really get:
 * <ul>
 * <li>the integration client by client credentials;</li>
 * <li>each demo user by the authorization code flow with PKCE on the public console client, as a browser makes it
 * ({@link BrowserLogin}), changing the demo password Keycloak requires them to change at the first sign-in; the
 * mobile client the same, with a loopback redirect (RFC 8252);</li>
 * <li>every role through an operation it may do and one it may not;</li>
 * <li>a refreshed token, an expired one, one naming another issuer (Keycloak reached at {@code localhost} instead of
 * {@code 127.0.0.1}), and password grants, which no client of the realm takes.</li>
 * </ul>
 * Runs only in the Maven profile {@code keycloak} ({@code ./mvnw verify -Pkeycloak}), which unpacks Keycloak from
 * Maven Central and passes {@code keycloak.home}, {@code keycloak.realm} and {@code zuofeng.jar}. A plain JUnit test,
 * not a Quarkus one: the run's other tests share a test OIDC server this one must not have.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSOLE = "zuofeng-console";
    private static final String MOBILE = "zuofeng-mobile";
    private static final String INTEGRATION = "zuofeng-integration";
    /** Registered for the console (its development origin); nothing listens there: the Location header is enough. */
    private static final String CONSOLE_REDIRECT = "http://localhost:3000/callback";
    /** The roles of README "Roles". */
    private static final Set<String> ROLES = Set.of("admin", "commission", "inspector", "hr", "unit-officer",
            "auditor", "integration", "custodian", "official");

    private static Instant began;
    private static EmbeddedPostgresLauncher.Server postgres;
    private static KeycloakServer keycloak;
    private static Process service;
    private static Path serviceLog;
    private static Path evidence;
    private static String api;
    private static JsonNode realm;

    /** The demo users of the realm, by role: username, subject, the password it ships with. */
    private static final Map<String, DemoUser> DEMO = new LinkedHashMap<>();
    /** Their sign-ins on the console client, by role. */
    private static final Map<String, BrowserLogin.Result> SIGNED_IN = new LinkedHashMap<>();

    private record DemoUser(String username, String subject, String role, String password, String newPassword) {
    }

    // The records the roles act on, made along the way: a district with two agencies, one of them the officer's.
    private static JsonPath district;
    private static JsonPath officersUnit;
    private static JsonPath otherUnit;

    @BeforeAll
    static void start() throws Exception {
        began = Instant.now();
        Path home = Path.of(required("keycloak.home"));
        Path realmFile = Path.of(required("keycloak.realm"));
        Path jar = Path.of(required("zuofeng.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged jar at " + jar + ": the package phase builds it");
        }
        realm = JSON.readTree(realmFile.toFile());
        for (JsonNode user : realm.path("users")) {
            if (user.has("credentials")) {
                String role = user.path("realmRoles").get(0).asText();
                DEMO.put(role, new DemoUser(user.get("username").asText(), user.get("id").asText(), role,
                        user.path("credentials").get(0).get("value").asText(), "E2e-" + UUID.randomUUID()));
            }
        }
        Path work = Files.createDirectories(jar.getParent().getParent().resolve("keycloak-e2e"));

        postgres = EmbeddedPostgresLauncher.start(null, 0);
        Path javaHome = Path.of(System.getProperty("keycloak.java.home", System.getProperty("java.home")));
        Duration timeout = Duration.ofSeconds(Long.getLong("keycloak.start.timeout", 300));
        keycloak = KeycloakServer.start(home, realmFile, javaHome, work.resolve("keycloak.log"), timeout);
        serviceLog = work.resolve("zuofeng.log");
        evidence = Files.createTempDirectory(work, "evidence");
        service = startService(jar, evidence);
        System.out.printf("Keycloak and the service ready after %d s%n",
                Duration.between(began, Instant.now()).toSeconds());

        for (DemoUser user : DEMO.values()) {
            SIGNED_IN.put(user.role(), new BrowserLogin(keycloak.realmUrl(), CONSOLE, CONSOLE_REDIRECT)
                    .signIn(user.username(), user.password(), user.newPassword()));
        }
    }

    /**
     * The packaged jar in the prod profile, configured as README "Configuration" says: the issuer is the realm's URL
     * at 127.0.0.1, nothing else about Keycloak. The OIDC category logs at DEBUG, as README says to set it when
     * tokens are refused for no visible reason, so that the test can show the reason is there.
     */
    private static Process startService(Path jar, Path evidenceDir) throws Exception {
        int port = Processes.freePort();
        api = "http://127.0.0.1:" + port;
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(serviceLog.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "8");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
        env.put("QUARKUS_OIDC_CLIENT_ID", "zuofeng-api");
        env.put("QUARKUS_LOG_CATEGORY__IO_QUARKUS_OIDC_RUNTIME__LEVEL", "DEBUG");
        env.put("ZUOFENG_EVIDENCE_DIR", evidenceDir.toString());
        env.put("ZUOFENG_SECRET", "keycloak-e2e-" + UUID.randomUUID());
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited:\n" + Processes.tail(serviceLog, 80));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(api + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        Processes.stop(process, Duration.ofSeconds(10));
        throw new AssertionError("the service was not ready within 120 s:\n" + Processes.tail(serviceLog, 80));
    }

    @AfterAll
    static void stop() {
        Processes.stop(service, Duration.ofSeconds(35));
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        Processes.deleteRecursively(evidence);
        if (began != null) {
            System.out.printf("KeycloakE2EIT: %d s from start to stop%n",
                    Duration.between(began, Instant.now()).toSeconds());
        }
    }

    // --- Tokens ----------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theRealmHasADemoUserForEveryPersonsRoleAndTheServiceAccountForMachines() {
        Set<String> covered = new TreeSet<>(DEMO.keySet());
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                user.path("realmRoles").forEach(role -> covered.add(role.asText()));
            }
        }
        assertEquals(new TreeSet<>(ROLES), covered, "every role has a demo user or is a service account's");
        assertFalse(DEMO.containsKey("integration"), "the machine role is no person's");
    }

    @Test
    @Order(2)
    void theIntegrationClientGetsATokenByClientCredentials() {
        KeycloakServer.Answer answer = integrationToken("127.0.0.1", null);
        JsonNode claims = KeycloakServer.claims(answer.accessToken());
        assertTrue(KeycloakServer.texts(claims.get("aud")).contains("zuofeng-api"), "aud names the API: " + claims);
        assertEquals(INTEGRATION, claims.path("azp").asText());
        assertEquals(List.of("integration"), KeycloakServer.texts(claims.path("realm_access").path("roles")));
        assertFalse(answer.json().has("refresh_token"), "a machine asks again rather than refreshing");
        as(answer.accessToken()).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(List.of("integration")))
                .body("subject", equalTo(claims.get("sub").asText()));
    }

    @Test
    @Order(3)
    void everyDemoUserSignsInWithPkceOnTheConsoleAndMustFirstReplaceTheDemoPassword() {
        assertEquals(DEMO.keySet(), SIGNED_IN.keySet());
        for (DemoUser user : DEMO.values()) {
            BrowserLogin.Result result = SIGNED_IN.get(user.role());
            assertTrue(result.passwordChanged(), user.username() + " had to replace the demo password");
            assertEquals(keycloak.realmUrl(), result.issuer(), "the redirect names the issuer (RFC 9207)");
            JsonNode claims = KeycloakServer.claims(result.tokens().accessToken());
            assertEquals(user.subject(), claims.path("sub").asText(), "sub is the user's id in the realm file");
            assertEquals(CONSOLE, claims.path("azp").asText());
            assertEquals(keycloak.realmUrl(), claims.path("iss").asText());
            assertTrue(KeycloakServer.texts(claims.get("aud")).contains("zuofeng-api"), "aud names the API");
            as(token(user.role())).get("/api/v1/me").then().statusCode(200)
                    .body("subject", equalTo(user.subject()))
                    .body("roles", equalTo(List.of(user.role())));
        }
    }

    @Test
    @Order(4)
    void theMobileClientSignsInTheSameWayToALoopbackRedirectWithAnyPort() throws IOException {
        DemoUser inspector = DEMO.get("inspector");
        String redirect = "http://127.0.0.1:" + Processes.freePort() + "/oauth2redirect";
        BrowserLogin.Result result = new BrowserLogin(keycloak.realmUrl(), MOBILE, redirect)
                .signIn(inspector.username(), inspector.newPassword(), null);
        assertFalse(result.passwordChanged(), "the password was replaced once, at the first sign-in");
        String accessToken = result.tokens().accessToken();
        assertEquals(MOBILE, KeycloakServer.claims(accessToken).path("azp").asText());
        as(accessToken).get("/api/v1/me").then().statusCode(200).body("roles", equalTo(List.of("inspector")));
    }

    @Test
    @Order(5)
    void thePublicClientsRequirePkceAndTheirOwnRedirectUris() {
        BrowserLogin console = new BrowserLogin(keycloak.realmUrl(), CONSOLE, CONSOLE_REDIRECT);
        String refused = console.authorizeWithoutPkce();
        assertTrue(refused.startsWith(CONSOLE_REDIRECT) && refused.contains("error=invalid_request"),
                "an authorization request without a code challenge is refused: " + refused);
        HttpResponse<String> elsewhere = console.authorizeTo("http://127.0.0.1:9/callback");
        assertEquals(400, elsewhere.statusCode(), "an unregistered redirect gets an error page, no redirect");
        assertTrue(elsewhere.headers().firstValue("Location").isEmpty());
    }

    @Test
    @Order(6)
    void noClientOfTheRealmTakesAPassword() {
        DemoUser hr = DEMO.get("hr");
        for (String client : List.of(CONSOLE, MOBILE, "admin-cli")) {
            KeycloakServer.Answer answer = keycloak.token(KeycloakServer.fields("grant_type", "password",
                    "client_id", client, "username", hr.username(), "password", hr.newPassword(), "scope", "openid"));
            assertTrue(answer.status() == 400 || answer.status() == 401, client + ": " + answer);
            assertEquals("unauthorized_client", answer.json().path("error").asText(), client + ": " + answer);
        }
    }

    @Test
    @Order(7)
    void rolesAlsoArriveInGroupsForAClientThatAsksForTheMicroprofileJwtScope() {
        String accessToken = integrationToken("127.0.0.1", "microprofile-jwt").accessToken();
        JsonNode claims = KeycloakServer.claims(accessToken);
        assertEquals(List.of("integration"), KeycloakServer.texts(claims.get("groups")), claims.toString());
        as(accessToken).get("/api/v1/me").then().statusCode(200).body("roles", equalTo(List.of("integration")));
    }

    // --- Roles: each through an operation it may do and one it may not ----------------------------------------------

    @Test
    @Order(10)
    void adminBuildsTheUnitTreeAndReadsTheAuditLog() {
        district = create("admin", "/api/v1/units", unit("DISTRICT", null));
        officersUnit = create("admin", "/api/v1/units", unit("AGENCY", district.getString("id")));
        otherUnit = create("admin", "/api/v1/units", unit("AGENCY", district.getString("id")));
        as(token("admin")).queryParam("entityId", district.getString("id")).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.actor", hasItem(DEMO.get("admin").subject()));
        // admin holds every right ("Everything" in the realm): there is no operation its role may not do.
    }

    @Test
    @Order(11)
    void hrRecordsOfficialsAndPostsButIssuesNoNoticesAndReadsNoAuditLog() {
        LocalDate birth = LocalDate.of(1980, 5, 17);
        String idNumber = Fixtures.idNumber(birth);
        // Linked to the demo unit officer by the subject of their tokens: their unit scope is where it holds a post.
        JsonPath official = create("hr", "/api/v1/officials", Map.of("name", "演示科员", "gender", "FEMALE",
                "birthDate", birth.toString(), "idNumber", idNumber, "phone", "13912345678",
                "partyMember", true, "accountSubject", DEMO.get("unit-officer").subject()));
        assertEquals(idNumber, official.getString("idNumber"), "hr reads personal data unmasked");
        create("hr", "/api/v1/officials/" + official.getString("id") + "/posts", Map.of(
                "unitId", officersUnit.getString("id"), "title", "科员", "role", "STAFF",
                "startDate", Fixtures.today().minusYears(1).toString()));
        posting(token("hr")).body(notice(officersUnit)).post("/api/v1/supervision-notices").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        as(token("hr")).get("/api/v1/audit-events").then().statusCode(403);
    }

    @Test
    @Order(12)
    void aUnitOfficerSeesItsOwnUnitOnlyAndChangesNoUnit() {
        String officer = token("unit-officer");
        as(officer).get("/api/v1/me").then().statusCode(200)
                .body("official.name", equalTo("演示科员"))
                .body("scope.allUnits", equalTo(false))
                .body("scope.unitIds", equalTo(List.of(officersUnit.getString("id"))));
        as(officer).get("/api/v1/units/{id}", officersUnit.getString("id")).then().statusCode(200);
        as(officer).get("/api/v1/units/{id}", otherUnit.getString("id")).then().statusCode(404);
        as(officer).get("/api/v1/units/{id}", district.getString("id")).then().statusCode(404);
        posting(officer).body(unit("AGENCY", officersUnit.getString("id"))).post("/api/v1/units").then()
                .statusCode(403);
    }

    @Test
    @Order(13)
    void theCommissionIssuesNoticesButDoesNotEditTheUnitTree() {
        JsonPath toOfficer = issue(create("commission", "/api/v1/supervision-notices", notice(officersUnit)));
        assertEquals("ISSUED", toOfficer.getString("status"));
        JsonPath toOthers = issue(create("commission", "/api/v1/supervision-notices", notice(otherUnit)));
        posting(token("commission")).body(unit("AGENCY", district.getString("id"))).post("/api/v1/units").then()
                .statusCode(403);
        // An issued notice reaches the officers of the units it is addressed to, and no one else's.
        as(token("unit-officer")).get("/api/v1/supervision-notices/{id}", toOfficer.getString("id")).then()
                .statusCode(200);
        as(token("unit-officer")).get("/api/v1/supervision-notices/{id}", toOthers.getString("id")).then()
                .statusCode(404);
    }

    @Test
    @Order(13)
    void anOfficialDeclaresTheirOwnContactWithABusinessAndReadsNothingElse() {
        JsonPath official = create("hr", "/api/v1/officials", Map.of("name", "演示干部", "gender", "MALE",
                "birthDate", "1979-03-02", "idNumber", Fixtures.idNumber(LocalDate.of(1979, 3, 2)),
                "phone", "13912345679", "partyMember", true, "accountSubject", DEMO.get("official").subject()));
        create("hr", "/api/v1/officials/" + official.getString("id") + "/posts", Map.of(
                "unitId", officersUnit.getString("id"), "title", "副局长", "role", "DEPUTY_IN_CHARGE",
                "startDate", Fixtures.today().minusYears(1).toString()));
        String token = token("official");
        JsonPath declared = create(token, "/api/v1/business-contacts", Map.of("businessName", "阿里巴巴（中国）有限公司",
                "creditCode", "91330100716105852F", "kind", "MEETING", "occurredOn",
                Fixtures.today().minusDays(1).toString(), "purpose", "企业座谈"), 201);
        assertEquals(official.getString("id"), declared.getString("officialId"));
        as(token).get("/api/v1/business-contacts/{id}", declared.getString("id")).then().statusCode(200);
        as(token).get("/api/v1/units").then().statusCode(403);
        as(token("commission")).get("/api/v1/business-contacts?creditCode=91330100716105852F").then()
                .statusCode(200).body("items.id", hasItem(declared.getString("id")));
    }

    @Test
    @Order(14)
    void anInspectorPlansSpotChecksItLeadsButNoCovertInspection() {
        String inspector = token("inspector");
        String subject = DEMO.get("inspector").subject();
        JsonPath inspection = create("inspector", "/api/v1/inspections", inspection("OPEN", subject));
        as(inspector).get("/api/v1/inspections/{id}", inspection.getString("id")).then().statusCode(200)
                .body("team[0].subject", equalTo(subject));
        posting(inspector).body(inspection("COVERT", subject)).post("/api/v1/inspections").then().statusCode(403);
        posting(inspector).body(unit("AGENCY", district.getString("id"))).post("/api/v1/units").then()
                .statusCode(403);
    }

    @Test
    @Order(15)
    void theAuditorReadsTheAuditLogAndWritesNothing() {
        String auditor = token("auditor");
        as(auditor).queryParam("entityId", officersUnit.getString("id")).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.actor", hasItem(DEMO.get("admin").subject()));
        posting(auditor).body(unit("AGENCY", district.getString("id"))).post("/api/v1/units").then()
                .statusCode(403);
        posting(auditor).body(notice(officersUnit)).post("/api/v1/supervision-notices").then().statusCode(403);
    }

    @Test
    @Order(16)
    void theIntegrationClientFollowsTheFeedAndExportsButReadsNoAuditLogAndWritesNoUnit() throws Exception {
        String integration = integrationToken("127.0.0.1", null).accessToken();
        String cursor = null;
        boolean seen = false;
        Instant deadline = Instant.now().plusSeconds(30);
        while (!seen && Instant.now().isBefore(deadline)) {
            RequestSpecification read = as(integration).queryParam("wait", 1);
            if (cursor != null) {
                read.queryParam("cursor", cursor);
            }
            JsonPath page = read.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> events = page.getList("events");
            seen = events.stream().anyMatch(e -> "org.zuofeng.unit.created".equals(e.get("type"))
                    && district.getString("id").equals(((Map<?, ?>) e.get("data")).get("id")));
            cursor = page.getString("next");
        }
        assertTrue(seen, "the feed shows the district's creation");
        JsonPath export = create(integration, "/api/v1/exports", Map.of("entity", "UNIT", "format", "NDJSON"), 202);
        as(integration).get("/api/v1/exports/{id}", export.getString("id")).then().statusCode(200);
        as(integration).get("/api/v1/audit-events").then().statusCode(403);
        posting(integration).body(unit("AGENCY", district.getString("id"))).post("/api/v1/units").then()
                .statusCode(403);
    }

    // --- Token lifetime and issuer ----------------------------------------------------------------------------------

    @Test
    @Order(20)
    void aRefreshedTokenWorksAndIsANewOne() {
        BrowserLogin.Result hr = SIGNED_IN.get("hr");
        String refreshToken = hr.tokens().json().get("refresh_token").asText();
        KeycloakServer.Answer refreshed = keycloak.token(KeycloakServer.fields("grant_type", "refresh_token",
                "client_id", CONSOLE, "refresh_token", refreshToken));
        String accessToken = refreshed.accessToken();
        assertNotEquals(hr.tokens().accessToken(), accessToken);
        assertEquals(DEMO.get("hr").subject(), KeycloakServer.claims(accessToken).path("sub").asText());
        as(accessToken).get("/api/v1/me").then().statusCode(200).body("roles", equalTo(List.of("hr")));
    }

    @Test
    @Order(21)
    void anExpiredTokenIsRefused() throws InterruptedException {
        // A token that lives 3 s: the integration client's lifespan, shortened through the admin REST API for as long
        // as it takes to get one.
        String accessToken;
        keycloak.setClientAttribute(INTEGRATION, "access.token.lifespan", "3");
        try {
            accessToken = integrationToken("127.0.0.1", null).accessToken();
        } finally {
            keycloak.setClientAttribute(INTEGRATION, "access.token.lifespan", null);
        }
        long expiresAt = KeycloakServer.claims(accessToken).path("exp").asLong();
        as(accessToken).get("/api/v1/me").then().statusCode(200);
        long wait = expiresAt * 1000 + 1500 - System.currentTimeMillis();
        assertTrue(wait < 10_000, "the token lives seconds, not minutes");
        Thread.sleep(Math.max(0, wait));
        as(accessToken).get("/api/v1/me").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"));
        assertEquals(900, integrationToken("127.0.0.1", null).json().path("expires_in").asInt(),
                "the client's lifespan is the realm's again");
    }

    @Test
    @Order(22)
    void aTokenFetchedAtAnotherHostNameNamesAnotherIssuerIsRefusedAndTheLogSaysWhy() {
        // Keycloak without KC_HOSTNAME names, as issuer, the URL the token was fetched at: localhost here, while the
        // service knows the realm at 127.0.0.1.
        String accessToken = integrationToken("localhost", null).accessToken();
        String issuer = KeycloakServer.claims(accessToken).path("iss").asText();
        assertEquals(keycloak.realmUrl("localhost"), issuer);
        as(accessToken).get("/api/v1/me").then().statusCode(401);
        String reason = "Issuer (iss) claim value (" + issuer + ") doesn't match expected value of "
                + keycloak.realmUrl();
        assertTrue(Processes.read(serviceLog).contains(reason),
                "with io.quarkus.oidc.runtime at DEBUG the log says why: " + reason);
    }

    // --- Helpers ----------------------------------------------------------------------------------------------------

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run ./mvnw verify "
                    + "-Pkeycloak (the profile unpacks Keycloak and passes it)");
        }
        return value;
    }

    /** The access token a demo user got at their sign-in on the console. */
    private static String token(String role) {
        BrowserLogin.Result result = SIGNED_IN.get(role);
        if (result == null) {
            throw new AssertionError("no demo user of role " + role + " signed in");
        }
        return result.tokens().accessToken();
    }

    /** The integration client's token by client credentials, at Keycloak reached through {@code host}. */
    private static KeycloakServer.Answer integrationToken(String host, String scope) {
        String secret = null;
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(INTEGRATION)) {
                secret = client.path("secret").asText();
            }
        }
        Map<String, String> form = KeycloakServer.fields("grant_type", "client_credentials",
                "client_id", INTEGRATION, "client_secret", secret);
        if (scope != null) {
            form.put("scope", scope);
        }
        return keycloak.token(host, form);
    }

    private static RequestSpecification as(String accessToken) {
        return RestAssured.given().baseUri(api).filter(Contract.STRICT).auth().oauth2(accessToken)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A POST, with the Idempotency-Key every client sends so that it may retry safely. */
    private static RequestSpecification posting(String accessToken) {
        return as(accessToken).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static JsonPath create(String role, String path, Map<String, Object> body) {
        return create(token(role), path, body, 201);
    }

    private static JsonPath create(String accessToken, String path, Map<String, Object> body, int status) {
        Response response = posting(accessToken).body(body).post(path);
        response.then().statusCode(status);
        return response.jsonPath();
    }

    /** Issues a drafted notice, as the commission. */
    private static JsonPath issue(JsonPath draft) {
        return as(token("commission")).header("If-Match", "\"" + draft.getLong("version") + "\"")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("to", "ISSUED"))
                .post("/api/v1/supervision-notices/{id}/transitions", draft.getString("id"))
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> unit(String type, String parentId) {
        Map<String, Object> unit = new LinkedHashMap<>();
        String code = Fixtures.uniqueCode("KC");
        unit.put("code", code);
        unit.put("name", "端到端单位 " + code);
        unit.put("type", type);
        if (parentId != null) {
            unit.put("parentId", parentId);
        }
        return unit;
    }

    private static Map<String, Object> notice(JsonPath addressee) {
        String title = "整改通知 " + UUID.randomUUID().toString().substring(0, 8);
        return Map.of("type", "RECTIFICATION_NOTICE", "title", title, "body", "经检查发现……",
                "addresseeUnitIds", List.of(addressee.getString("id")),
                "deadline", Fixtures.today().plusDays(30).toString());
    }

    private static Map<String, Object> inspection(String type, String lead) {
        List<Map<String, Object>> team = new ArrayList<>();
        team.add(Map.of("subject", lead, "name", "演示检查员", "lead", true));
        return Map.of("type", type, "title", "检查 " + UUID.randomUUID().toString().substring(0, 8),
                "plannedStart", Fixtures.today().toString(), "plannedEnd", Fixtures.today().plusDays(7).toString(),
                "targetUnitIds", List.of(officersUnit.getString("id")), "team", team);
    }
}
