package org.zuofeng.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A response that ends before its request's body was read whole (a body refused as too large, or for want of a
 * token) closes the connection: the rest of the body is neither read nor taken in, however much a client still sends.
 * Without it, the server would go on receiving the body to keep the connection, and hold it.
 */
@ApplicationScoped
public class UnreadBodies {

    void register(@Observes Filters filters) {
        filters.register(this::closeIfUnread, 950);
    }

    private void closeIfUnread(RoutingContext rc) {
        rc.addEndHandler(ended -> {
            if (!rc.request().isEnded()) {
                rc.request().connection().close();
            }
        });
        rc.next();
    }
}
