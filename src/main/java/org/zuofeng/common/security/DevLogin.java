package org.zuofeng.common.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * In {@code quarkus:dev}, Swagger UI's Authorize button signs in at the OIDC dev server (authorization code with
 * PKCE): the browser goes to the dev server's own login page, and trades the code at {@link #TOKEN_PATH}, on the
 * service's origin, which passes it to the dev server's token endpoint (that server answers no cross-origin
 * requests, so the browser could not ask it itself). {@link DevLoginContract} points the contract's {@code oidc}
 * scheme here. Neither exists outside dev mode.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevLogin {

    /** Where Swagger UI trades its authorization code for a token. */
    public static final String TOKEN_PATH = "/q/dev-login/token";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI token;

    public DevLogin(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.token = URI.create(issuer.replaceAll("/+$", "") + "/token");
    }

    void routes(@Observes Router router) {
        router.post(TOKEN_PATH).handler(BodyHandler.create().setBodyLimit(16_384)).blockingHandler(this::exchange);
    }

    private void exchange(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        HttpRequest.Builder forward = HttpRequest.newBuilder(token).timeout(Duration.ofSeconds(10))
                .header("Content-Type", type == null ? "application/x-www-form-urlencoded" : type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(context.body().buffer() == null ? new byte[0]
                        : context.body().buffer().getBytes()));
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            forward.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            context.response().setStatusCode(answer.statusCode())
                    .putHeader(HttpHeaders.CONTENT_TYPE, answer.headers().firstValue("Content-Type")
                            .orElse("application/json"))
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(io.vertx.core.buffer.Buffer.buffer(answer.body()));
        } catch (IOException e) {
            context.response().setStatusCode(502).end();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.response().setStatusCode(503).end();
        }
    }
}
