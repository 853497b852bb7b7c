package org.zuofeng.common.concurrency;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * ETags for every versioned read model, and conditional GETs: a response whose entity is {@link Versioned} gets
 * {@code ETag: "<version>"}; a GET whose {@code If-None-Match} lists that tag (or {@code *}) is answered 304.
 */
public class EntityTags {

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Versioned versioned) || response.getStatus() >= 300) {
            return;
        }
        String tag = of(versioned.version());
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean safe = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (safe && ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    /** Weak comparison, as If-None-Match requires (RFC 9110 §13.1.2). */
    private static boolean matches(String header, String tag) {
        for (String candidate : header.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.equals(tag) || value.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }
}
