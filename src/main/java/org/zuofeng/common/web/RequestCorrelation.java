package org.zuofeng.common.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;
import org.zuofeng.common.openapi.Contract;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Correlation for every HTTP exchange, API or not. The server makes every request's own id, which the audit log,
 * the transition history, problems and logs carry; a client's {@code X-Request-Id} is kept beside it (and echoed),
 * never in its place, so that no caller can tangle its requests with another's in the forensic trail. The trace id
 * comes from a W3C {@code traceparent} (or is made). All three go into the logging MDC; every response carries
 * {@code X-Request-Id} and {@code API-Version}.
 */
@ApplicationScoped
public class RequestCorrelation {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String API_VERSION_HEADER = "API-Version";
    private static final String REQUEST_ID_KEY = "zuofeng.requestId";
    private static final String CLIENT_REQUEST_ID_KEY = "zuofeng.clientRequestId";
    private static final String TRACE_ID_KEY = "zuofeng.traceId";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The identifiers of the current exchange: the server's own request id, the client's {@code X-Request-Id} if it
     * sent a usable one, and the trace id.
     */
    public record Correlation(String requestId, String clientRequestId, String traceId) {
    }

    private final Contract contract;
    private final CurrentVertxRequest currentRequest;

    public RequestCorrelation(Contract contract, CurrentVertxRequest currentRequest) {
        this.contract = contract;
        this.currentRequest = currentRequest;
    }

    void register(@Observes Filters filters) {
        filters.register(this::correlate, 1000);
    }

    private void correlate(RoutingContext rc) {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = rc.request().getHeader(REQUEST_ID_HEADER);
        if (clientRequestId != null && !SAFE_REQUEST_ID.matcher(clientRequestId).matches()) {
            clientRequestId = null;
        }
        String traceId = traceIdOf(rc.request().getHeader("traceparent"));
        rc.put(REQUEST_ID_KEY, requestId);
        rc.put(TRACE_ID_KEY, traceId);
        MDC.put("requestId", requestId);
        MDC.put("traceId", traceId);
        if (clientRequestId != null) {
            rc.put(CLIENT_REQUEST_ID_KEY, clientRequestId);
            MDC.put("clientRequestId", clientRequestId);
        } else {
            MDC.remove("clientRequestId");
        }
        String echoed = clientRequestId != null ? clientRequestId : requestId;
        rc.addHeadersEndHandler(v -> rc.response().headers()
                .set(REQUEST_ID_HEADER, echoed)
                .set(API_VERSION_HEADER, contract.version()));
        rc.next();
    }

    /** The current exchange's identifiers; outside a request, a fresh trace id that correlates nothing. */
    public Correlation current() {
        return of(currentRequest.getCurrent());
    }

    /** The identifiers of this exchange, for HTTP-level filters that run outside the request context. */
    static Correlation of(RoutingContext rc) {
        if (rc == null || rc.get(REQUEST_ID_KEY) == null) {
            return new Correlation(null, null, newTraceId());
        }
        return new Correlation(rc.get(REQUEST_ID_KEY), rc.get(CLIENT_REQUEST_ID_KEY), rc.get(TRACE_ID_KEY));
    }

    static String traceIdOf(String traceparent) {
        if (traceparent != null) {
            var matcher = TRACEPARENT.matcher(traceparent.trim());
            if (matcher.matches() && !matcher.group(1).equals(INVALID_TRACE_ID)) {
                return matcher.group(1);
            }
        }
        return newTraceId();
    }

    private static String newTraceId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
