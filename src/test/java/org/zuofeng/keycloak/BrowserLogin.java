package org.zuofeng.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user signing in as a web console or a native app makes them (RFC 6749 §4.1 with PKCE, RFC 7636, S256), scripted
 * over plain HTTP against Keycloak's own login pages, with no browser:
 * <ol>
 * <li>GET the authorization endpoint with a fresh {@code code_challenge}; Keycloak answers with its login page;</li>
 * <li>POST username and password to the login form's {@code action}, with the cookies Keycloak set;</li>
 * <li>follow Keycloak's redirects; a required action's page (the password change the demo users must make at their
 * first sign-in) is answered by POSTing its form;</li>
 * <li>stop at the redirect to the client's {@code redirect_uri} (nothing listens there: its {@code Location} is
 * enough), check its {@code state} and {@code iss}, and take its {@code code};</li>
 * <li>exchange the code at the token endpoint with the {@code code_verifier}.</li>
 * </ol>
 * The cookies are kept by hand: Keycloak marks them {@code Secure}, which a cookie store would not send back over the
 * plain HTTP of loopback.
 */
final class BrowserLogin {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");

    private final String realmUrl;
    private final String clientId;
    private final String redirectUri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** What a sign-in ended with: the token endpoint's answer, and whether a new password had to be set. */
    record Result(KeycloakServer.Answer tokens, boolean passwordChanged, String issuer) {
    }

    BrowserLogin(String realmUrl, String clientId, String redirectUri) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /**
     * Signs {@code username} in with {@code password}; when Keycloak asks for a new password (required action
     * {@code UPDATE_PASSWORD}), sets {@code newPassword}.
     */
    Result signIn(String username, String password, String newPassword) {
        String verifier = random(32);
        String state = random(16);
        String authorize = realmUrl + "/protocol/openid-connect/auth?" + KeycloakServer.form(KeycloakServer.fields(
                "client_id", clientId, "response_type", "code", "scope", "openid", "redirect_uri", redirectUri,
                "state", state, "nonce", random(16), "code_challenge", challenge(verifier),
                "code_challenge_method", "S256"));
        HttpResponse<String> page = get(authorize);
        String login = form(page, "kc-form-login");
        HttpResponse<String> response = post(login, KeycloakServer.fields("username", username, "password", password,
                "credentialId", ""));
        boolean passwordChanged = false;
        for (int step = 0; step < 10; step++) {
            if (isRedirect(response)) {
                String location = location(response);
                if (location.startsWith(redirectUri)) {
                    Map<String, String> query = query(URI.create(location).getRawQuery());
                    if (query.containsKey("error")) {
                        throw new AssertionError("Keycloak refused the sign-in of " + username + ": " + query);
                    }
                    if (!state.equals(query.get("state"))) {
                        throw new AssertionError("the redirect carries another state: " + location);
                    }
                    KeycloakServer.Answer tokens = exchange(query.get("code"), verifier);
                    return new Result(tokens, passwordChanged, query.get("iss"));
                }
                response = get(location);
            } else if (response.statusCode() == 200 && response.body().contains("id=\"kc-passwd-update-form\"")) {
                if (newPassword == null) {
                    throw new AssertionError(username + " was asked for a new password unexpectedly");
                }
                passwordChanged = true;
                response = post(form(response, "kc-passwd-update-form"), KeycloakServer.fields(
                        "password-new", newPassword, "password-confirm", newPassword));
            } else {
                throw new AssertionError("sign-in of " + username + " stopped at " + response.statusCode() + " "
                        + response.uri() + ": " + feedback(response.body()));
            }
        }
        throw new AssertionError("sign-in of " + username + " did not end after 10 steps");
    }

    /** An authorization request without PKCE, as a client that does not do it would send: Keycloak's redirect. */
    String authorizeWithoutPkce() {
        HttpResponse<String> response = get(realmUrl + "/protocol/openid-connect/auth?" + KeycloakServer.form(
                KeycloakServer.fields("client_id", clientId, "response_type", "code", "scope", "openid",
                        "redirect_uri", redirectUri, "state", random(16))));
        return isRedirect(response) ? location(response) : response.statusCode() + " " + feedback(response.body());
    }

    /** An authorization request with a redirect URI the client has not registered: Keycloak's answer. */
    HttpResponse<String> authorizeTo(String otherRedirectUri) {
        String verifier = random(32);
        return get(realmUrl + "/protocol/openid-connect/auth?" + KeycloakServer.form(KeycloakServer.fields(
                "client_id", clientId, "response_type", "code", "scope", "openid", "redirect_uri",
                otherRedirectUri, "state", random(16), "code_challenge", challenge(verifier),
                "code_challenge_method", "S256")));
    }

    private KeycloakServer.Answer exchange(String code, String verifier) {
        HttpResponse<String> response = post(realmUrl + "/protocol/openid-connect/token", KeycloakServer.fields(
                "grant_type", "authorization_code", "client_id", clientId, "code", code,
                "redirect_uri", redirectUri, "code_verifier", verifier));
        return new KeycloakServer.Answer(response.statusCode(), response.body());
    }

    /** The {@code action} of the form {@code id} on a page: where the page wants it posted. */
    private static String form(HttpResponse<String> page, String id) {
        String html = page.body();
        int at = html.indexOf("id=\"" + id + "\"");
        if (page.statusCode() != 200 || at < 0) {
            throw new AssertionError("expected Keycloak's form " + id + " at " + page.uri() + ", got "
                    + page.statusCode() + ": " + feedback(html));
        }
        int start = html.lastIndexOf("<form", at);
        Matcher action = ACTION.matcher(html.substring(start, html.indexOf('>', at)));
        if (!action.find()) {
            throw new AssertionError("the form " + id + " has no action");
        }
        return unescape(action.group(1));
    }

    /** What a Keycloak page says went wrong (its error or alert text), or its title. */
    private static String feedback(String html) {
        for (String pattern : List.of("id=\"input-error[^\"]*\"[^>]*>\\s*([^<]+)",
                "class=\"[^\"]*alert__title[^\"]*\"[^>]*>\\s*([^<]+)", "<title>([^<]*)</title>")) {
            Matcher matcher = Pattern.compile(pattern).matcher(html);
            if (matcher.find()) {
                return matcher.group(1).trim();
            }
        }
        return html.length() > 300 ? html.substring(0, 300) : html;
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> post(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakServer.form(form))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                boolean expired = cookie.toLowerCase().contains("max-age=0");
                if (value.isEmpty() || expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() == 302 || response.statusCode() == 303;
    }

    private static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("a redirect without Location"));
        return response.uri().resolve(location).toString();
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String unescape(String html) {
        Matcher entity = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|lt|gt|apos);").matcher(html);
        StringBuilder text = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                default -> new String(Character.toChars(name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1))));
            };
            entity.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(text);
        return text.toString();
    }

    /** {@code n} random bytes, base64url without padding: a PKCE verifier (32 bytes: 43 characters), a state. */
    private static String random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The S256 challenge of a verifier: base64url(SHA-256(verifier)). */
    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
