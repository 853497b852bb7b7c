package org.zuofeng.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers that keep browsers and caches from mishandling what the API sends, on every HTTP exchange:
 * {@code X-Content-Type-Options: nosniff} everywhere (a response is only ever what its {@code Content-Type} says),
 * and {@code Cache-Control: no-store} on every API response except the public, anonymous ones, since everything
 * else shows records of discipline, personal data or both, which no shared or browser cache may keep.
 */
@ApplicationScoped
public class SecurityHeaders {

    void register(@Observes Filters filters) {
        filters.register(this::protect, 900);
    }

    private void protect(RoutingContext rc) {
        boolean confidential = PublicPaths.confidential(rc.normalizedPath());
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
