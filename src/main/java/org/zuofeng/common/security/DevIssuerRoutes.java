package org.zuofeng.common.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Serves the {@link DevIssuer} at {@link #BASE} on the service's own address, which dev mode binds to loopback: a
 * fixed address, so a saved command keeps working. It answers callers on this machine only (anyone else gets 404),
 * even when the service is made to listen further. Built only into dev and test builds, and on only where
 * {@code zuofeng.dev-issuer.enabled} says so (dev mode).
 *
 * <ul>
 * <li>{@code POST token}: {@code grant_type=password} with {@code username} (any password),
 * {@code client_credentials} with the user as {@code client_id}, or {@code authorization_code} with PKCE (S256);
 * errors as RFC 6749 says;</li>
 * <li>{@code GET authorize}: a page to pick the user, then back to the (loopback) redirect URI with a code;</li>
 * <li>{@code GET keys} and {@code GET .well-known/openid-configuration}.</li>
 * </ul>
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class DevIssuerRoutes {

    public static final String BASE = "/q/dev-oidc";

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final List<String> GRANTS = List.of("password", "client_credentials", "authorization_code");

    private final boolean enabled;
    private final DevIssuer issuer;

    DevIssuerRoutes(DevIssuerConfig config,
            @ConfigProperty(name = "quarkus.oidc.token.issuer", defaultValue = "http://localhost:8080" + BASE)
            String issuer, Clock clock) {
        this.enabled = config.enabled();
        this.issuer = enabled ? new DevIssuer(issuer, "zuofeng-api", config.tokenLifetime(),
                Path.of(config.keyFile()), clock) : null;
    }

    void routes(@Observes Router router) {
        if (!enabled) {
            return;
        }
        router.route(BASE + "/*").order(-1).handler(context -> {
            if (fromThisMachine(context.request().remoteAddress())) {
                context.next();
            } else {
                context.response().setStatusCode(404).end();
            }
        });
        router.get(BASE + "/keys").handler(context -> json(context, 200, issuer.keys()));
        router.get(BASE + "/.well-known/openid-configuration").handler(this::discovery);
        router.get(BASE + "/authorize").handler(this::authorize);
        router.post(BASE + "/token").handler(BodyHandler.create().setBodyLimit(16_384)).handler(this::token);
    }

    /** Whether a caller is on this machine: a loopback address. */
    static boolean fromThisMachine(SocketAddress caller) {
        if (caller == null || caller.hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(caller.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void discovery(RoutingContext context) {
        String base = issuer.issuer();
        json(context, 200, new JsonObject().put("issuer", base).put("authorization_endpoint", base + "/authorize")
                .put("token_endpoint", base + "/token").put("jwks_uri", base + "/keys")
                .put("grant_types_supported", new JsonArray()
                        .add("authorization_code").add("password").add("client_credentials"))
                .put("code_challenge_methods_supported", new JsonArray().add("S256"))
                .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
                .encode());
    }

    private void token(RoutingContext context) {
        MultiMap form = context.request().formAttributes();
        String grant = String.valueOf(form.get("grant_type"));
        String client = Optional.ofNullable(form.get("client_id")).orElse("zuofeng-dev");
        if (!GRANTS.contains(grant)) {
            oauthError(context, "unsupported_grant_type", "grant_type is one of " + String.join(", ", GRANTS));
            return;
        }
        Optional<String> user = switch (grant) {
            case "password" -> Optional.ofNullable(form.get("username"));
            case "client_credentials" -> Optional.ofNullable(form.get("client_id"));
            default -> issuer.redeem(String.valueOf(form.get("code")), form.get("redirect_uri"),
                    form.get("code_verifier"));
        };
        Optional<String> token = user.flatMap(name -> issuer.token(name, client));
        if (token.isEmpty()) {
            oauthError(context, "invalid_grant", grant.equals("authorization_code")
                    ? "The code is unknown, expired, for another redirect_uri or another code_verifier"
                    : "The user is one of " + String.join(", ", DevIssuer.USERS.keySet()));
            return;
        }
        context.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        json(context, 200, new JsonObject().put("access_token", token.get()).put("token_type", "Bearer")
                .put("expires_in", issuer.lifetime().toSeconds()).put("scope", "openid").encode());
    }

    private void authorize(RoutingContext context) {
        MultiMap query = context.queryParams();
        String redirect = query.get("redirect_uri");
        String challenge = query.get("code_challenge");
        if (!"code".equals(query.get("response_type")) || !loopbackUri(redirect) || challenge == null
                || !"S256".equals(query.get("code_challenge_method"))) {
            context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end("Ask with response_type=code, a redirect_uri on this machine and a PKCE S256 challenge");
            return;
        }
        String user = query.get("user");
        if (user != null && DevIssuer.USERS.containsKey(user)) {
            String state = query.get("state");
            String location = redirect + (redirect.contains("?") ? "&" : "?") + "code="
                    + encode(issuer.code(user, redirect, challenge)) + (state == null ? "" : "&state=" + encode(state));
            context.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, location).end();
            return;
        }
        String here = query.names().stream().filter(name -> !name.equals("user"))
                .map(name -> encode(name) + "=" + encode(query.get(name))).collect(Collectors.joining("&amp;"));
        String choices = DevIssuer.USERS.entrySet().stream()
                .map(u -> "<li><a href=\"authorize?" + here + "&amp;user=" + encode(u.getKey()) + "\">" + u.getKey()
                        + "</a> (" + u.getValue() + ")</li>")
                .collect(Collectors.joining());
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", "default-src 'none'")
                .end("<!doctype html><title>Zuofeng dev sign-in</title><h1>Sign in as</h1><ul>" + choices
                        + "</ul>");
    }

    private static boolean loopbackUri(String uri) {
        try {
            URI parsed = URI.create(uri);
            return ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
                    && LOOPBACK_HOSTS.contains(parsed.getHost());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static void oauthError(RoutingContext context, String error, String description) {
        json(context, 400, new JsonObject().put("error", error).put("error_description", description).encode());
    }

    private static void json(RoutingContext context, int status, String body) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
