package org.zuofeng.common.concurrency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.web.PublicPaths;

import java.util.Base64;

/**
 * ETags and conditional GETs. A response whose entity is {@link Versioned} gets {@code ETag: "<version>"}. A public
 * read ({@code /api/v1/public/**}, published data) gets a tag of its content and {@code Cache-Control: public,
 * max-age=60}, so browsers and shared caches may keep it. A GET whose {@code If-None-Match} lists the tag (or
 * {@code *}) is answered 304.
 */
public class EntityTags {

    /** How long a cache may serve a public read without asking again, in seconds. */
    public static final int PUBLIC_MAX_AGE = 60;

    private final ObjectMapper json;

    public EntityTags(ObjectMapper json) {
        this.json = json;
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 300 || response.getEntity() == null) {
            return;
        }
        String tag;
        if (response.getEntity() instanceof Versioned versioned) {
            tag = of(versioned.version());
        } else if (publicRead(request)) {
            tag = contentTag(response.getEntity());
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "public, max-age=" + PUBLIC_MAX_AGE);
        } else {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean safe = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (safe && ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    private static boolean publicRead(ContainerRequestContext request) {
        return HttpMethod.GET.equals(request.getMethod()) && PublicPaths.publicApi(request.getUriInfo().getPath());
    }

    /** A strong tag of the JSON the entity is written as: the same content, the same tag, on every replica. */
    private String contentTag(Object entity) {
        try {
            byte[] digest = Digests.sha256(json.writeValueAsBytes(entity));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
