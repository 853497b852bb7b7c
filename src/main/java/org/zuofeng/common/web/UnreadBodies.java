package org.zuofeng.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A response that starts before its request's body was read whole (a body refused as too large, or for want of a
 * token) says {@code Connection: close} and closes the connection once sent: the rest of the body is neither read nor
 * taken in, however much a client still sends, and no client reuses a connection the server is about to close.
 * Without it, the server would go on receiving the body to keep the connection, and hold it.
 */
@ApplicationScoped
public class UnreadBodies {

    void register(@Observes Filters filters) {
        filters.register(this::closeIfUnread, 950);
    }

    private void closeIfUnread(RoutingContext rc) {
        if (!hasBody(rc.request())) {
            rc.next();
            return;
        }
        rc.addHeadersEndHandler(headers -> {
            if (!rc.request().isEnded()) {
                rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                rc.addEndHandler(ended -> rc.request().connection().close());
            }
        });
        rc.next();
    }

    /**
     * Whether the request carries a body (RFC 9112 §6.3): a chunked one, or a length above zero. A request without one
     * has nothing left unread, even while the server has not asked for its end (a paused GET is never "ended").
     */
    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || length != null && !length.trim().equals("0");
    }
}
