package org.zuofeng.common.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A test's window on the request: asked by {@link #ASK}, it answers in {@link #ANSWER} which authentication-failure
 * handler a request carries once Quarkus' security filters and Quarkus REST's have run (priorities 200 and 199).
 */
@ApplicationScoped
public class AuthFailureHandlerProbe {

    static final String ASK = "X-Test-Probe-Auth-Failure-Handler";
    static final String ANSWER = "X-Test-Auth-Failure-Handler";

    void register(@Observes Filters filters) {
        filters.register(AuthFailureHandlerProbe::answer, SecurityHandlerPriorities.AUTHENTICATION - 2);
    }

    private static void answer(RoutingContext rc) {
        if (rc.request().headers().contains(ASK)) {
            Object handler = rc.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
            rc.response().putHeader(ANSWER, handler == null ? "none" : handler.getClass().getName());
        }
        rc.next();
    }
}
