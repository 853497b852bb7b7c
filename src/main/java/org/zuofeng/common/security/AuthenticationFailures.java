package org.zuofeng.common.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.function.BiConsumer;

/**
 * How an authentication failure met outside the API's operations (the metrics endpoint's permission) reaches the
 * failure routes: the request fails with the failure's root cause, exactly as Quarkus REST's own handler makes it fail.
 * Inside the API's operations no handler is left: their failures go to the exception mappers ({@code ProblemMapper}),
 * as Quarkus REST arranges for its own handler when a request enters it.
 *
 * <p>Why the service sets it: Quarkus REST swaps Quarkus' default handler for its own on every request, and because
 * Micrometer is present it first works out the request's URL template, for a failure that almost never comes,
 * building a {@code RequestMapper} of every resource class to do it (Quarkus 3.33: about 5 % of a warm single read's
 * CPU, the jars with and without this alternated on the same data). It leaves any other handler alone. A failure
 * still gets its template for the metrics: Quarkus REST's pre-authentication-failure handler works it out on the
 * failure route, when a request does fail.
 *
 * <p>The filter runs at the authentication filter's priority. Routes of equal order run in the order they were added,
 * and Quarkus adds the application's filters after its own, so this one runs right after the authentication filter
 * has set the default handler and before Quarkus REST's filter (one priority lower) looks at it.
 * {@code AuthenticationFailuresTest} pins that order.
 */
@ApplicationScoped
public class AuthenticationFailures {

    void register(@Observes Filters filters) {
        filters.register(AuthenticationFailures::failRequests, SecurityHandlerPriorities.AUTHENTICATION);
    }

    private static void failRequests(RoutingContext rc) {
        if (rc.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FailTheRequest.INSTANCE);
        }
        rc.next();
    }

    /** First of all in Quarkus REST, before anything in it can ask who the caller is. */
    @ServerRequestFilter(preMatching = true, priority = Integer.MIN_VALUE)
    void leaveFailuresToTheExceptionMappers(RoutingContext rc) {
        if (rc.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof FailTheRequest) {
            rc.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        }
    }

    /** Marks the failure for Quarkus' failure handler, then fails the request with its root cause, once. */
    static final class FailTheRequest implements BiConsumer<RoutingContext, Throwable> {

        static final FailTheRequest INSTANCE = new FailTheRequest();

        @Override
        public void accept(RoutingContext rc, Throwable failure) {
            DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(rc, failure);
            if (!rc.failed()) {
                rc.fail(DefaultAuthFailureHandler.extractRootCause(failure));
            }
        }
    }
}
