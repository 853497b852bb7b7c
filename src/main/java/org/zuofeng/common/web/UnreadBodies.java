package org.zuofeng.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A response that starts before its request's body was read whole (a body refused as too large, or for want of a
 * token) says {@code Connection: close}, as RFC 9112 §9.6 asks of a server that will not read the rest, and the
 * connection closes after it. But a client writes its whole body before it reads, and a connection closed with bytes
 * unread is reset, which destroys the answer the client has not read yet (RFC 9112 §9.6 again). So a small remainder
 * is first drained into nothing, at most {@value #DRAIN_BYTES} bytes within {@value #DRAIN_MILLIS} ms (a lingering
 * close, as web servers do: Tomcat swallows 2 MiB); a body declared larger is not received at all and the connection
 * closes at once (a client sending such a body should ask with {@code Expect: 100-continue}, answered before a byte
 * is sent). The bound is above the largest JSON body taken, so a body refused for being a little too large still gets
 * its 413 read.
 */
@ApplicationScoped
public class UnreadBodies {

    static final long DRAIN_BYTES = 4 * 1024 * 1024;
    static final long DRAIN_MILLIS = 10_000;
    private static final long CHUNKED = -1;

    @Inject
    Vertx vertx;

    void register(@Observes Filters filters) {
        filters.register(this::handleUnread, 950);
    }

    private void handleUnread(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        long declared = declaredLength(request);
        if (declared == 0) {
            rc.next();
            return;
        }
        rc.addHeadersEndHandler(headers -> {
            if (readWhole(request, declared)) {
                return;
            }
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            rc.addEndHandler(ended -> {
                if (declared > DRAIN_BYTES) {
                    request.connection().close();
                } else {
                    drainThenClose(request);
                }
            });
        });
        rc.next();
    }

    /**
     * Whether the body was read whole: every declared byte was taken (the end of the message may still wait in a
     * paused request, as it does after Quarkus REST read a body of known length), or a chunked body ended.
     */
    private static boolean readWhole(HttpServerRequest request, long declared) {
        return request.isEnded() || declared != CHUNKED && request.bytesRead() >= declared;
    }

    /** Reads what is left of the body into nothing, then closes; closes at once if it runs over the bounds. */
    private void drainThenClose(HttpServerRequest request) {
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        long[] left = {DRAIN_BYTES};
        long timer = vertx.setTimer(DRAIN_MILLIS, t -> request.connection().close());
        request.handler(chunk -> {
            left[0] -= chunk.length();
            if (left[0] < 0) {
                vertx.cancelTimer(timer);
                request.connection().close();
            }
        });
        request.exceptionHandler(failure -> vertx.cancelTimer(timer));
        request.endHandler(end -> {
            vertx.cancelTimer(timer);
            request.connection().close();
        });
        request.resume();
    }

    /**
     * The length a request declares for its body (RFC 9112 §6.3): its {@code Content-Length}, 0 without one, and
     * {@link #CHUNKED} for a chunked one, whose length is unknown until it is drained. A request without a body has
     * nothing left unread, even while the server has not asked for its end (a paused GET is never "ended").
     */
    private static long declaredLength(HttpServerRequest request) {
        if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return CHUNKED;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
