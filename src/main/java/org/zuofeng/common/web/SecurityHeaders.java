package org.zuofeng.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Headers that keep browsers and caches from mishandling what the API sends, on every HTTP exchange:
 * {@code X-Content-Type-Options: nosniff} everywhere (a response is only ever what its {@code Content-Type} says),
 * and {@code Cache-Control: no-store} on every API response except the public, anonymous ones, since everything
 * else shows records of discipline, personal data or both, which no shared or browser cache may keep.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Paths under the API that hold nothing confidential: published data, labels, problem types, the contract. */
    private static final List<String> PUBLIC = List.of("/api/v1/public/", "/api/v1/labels", "/api/v1/problems",
            "/api/v1/openapi.json");

    void register(@Observes Filters filters) {
        filters.register(this::protect, 900);
    }

    private void protect(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean confidential = path.startsWith("/api/") && PUBLIC.stream().noneMatch(path::startsWith);
        rc.addHeadersEndHandler(v -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            if (confidential) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        rc.next();
    }
}
