package org.zuofeng.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stopping takes no new work. From the moment the process is told to stop (SIGTERM), every new request, readiness
 * probes included, is answered 503 with {@code Retry-After} and {@code Connection: close}, so that load balancers take
 * the instance out and clients retry elsewhere; requests already in flight run to their end, which Quarkus waits for
 * up to {@code quarkus.shutdown.timeout} before it exits.
 */
@ApplicationScoped
public class Draining {

    private static final AtomicBoolean DRAINING = new AtomicBoolean();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectMapper json;

    public Draining(ObjectMapper json) {
        this.json = json;
    }

    /** Whether this instance is stopping: work that waits (a long poll) answers at once. */
    public static boolean active() {
        return DRAINING.get();
    }

    void onStart(@Observes StartupEvent event) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> DRAINING.set(true), "zuofeng-draining"));
        }
    }

    /** After correlation, so that the refusal carries the request's ids like every other answer. */
    void register(@Observes Filters filters) {
        filters.register(this::refuseWhileDraining, 800);
    }

    private void refuseWhileDraining(RoutingContext rc) {
        if (!DRAINING.get()) {
            rc.next();
            return;
        }
        ErrorCode code = ErrorCode.SERVICE_UNAVAILABLE;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", code.type());
        problem.put("title", code.title(false));
        problem.put("status", code.status());
        problem.put("detail", "This instance is shutting down; retry, and another will answer");
        problem.put("instance", rc.normalizedPath());
        problem.put("code", code.name());
        RequestCorrelation.Correlation current = RequestCorrelation.of(rc);
        problem.put("traceId", current.traceId());
        if (current.requestId() != null) {
            problem.put("requestId", current.requestId());
        }
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rc.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
