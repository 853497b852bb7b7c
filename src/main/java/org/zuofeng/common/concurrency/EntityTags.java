package org.zuofeng.common.concurrency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.web.PublicPaths;

import java.util.Base64;

/**
 * ETags and conditional GETs. A response whose entity is {@link Versioned} gets {@code ETag: "<version>-<hash>"}: the
 * version, which {@code If-Match} guards, and a hash of the representation, which changes with members the version
 * does not count (an official's current posts, an inspection's visible findings), so that a 304 never hides a change.
 * A public read ({@code /api/v1/public/**}, published data) gets a tag of its content and {@code Cache-Control:
 * public, max-age=60}, so browsers and shared caches may keep it. A GET whose {@code If-None-Match} lists the tag (or
 * {@code *}) is answered 304.
 */
public class EntityTags {

    /** How long a cache may serve a public read without asking again, in seconds. */
    public static final int PUBLIC_MAX_AGE = 60;

    /** Characters of the representation's hash in a versioned tag: 66 bits, ample to tell one record's states apart. */
    private static final int VERSIONED_HASH = 11;

    /** Characters of a public read's content tag: 132 bits, as it alone identifies the content. */
    private static final int CONTENT_HASH = 22;

    private final ObjectMapper json;

    public EntityTags(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The tag that names a version only ({@code "<version>"}): what {@code If-Match} accepts from clients written
     * before tags carried a hash, and from the service's own callers that hold a version rather than a tag (imports,
     * sync push).
     */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The tag a response carrying {@code entity} gets: its version and a hash of the JSON it is written as. */
    public static String of(Versioned entity, ObjectMapper json) {
        return "\"" + entity.version() + "-" + hash(written(entity, json), VERSIONED_HASH) + "\"";
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (response.getStatus() >= 300 || entity == null) {
            return;
        }
        boolean safe = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        String tag;
        if (entity instanceof Versioned versioned) {
            byte[] body = safe ? written(response) : written(entity, json);
            tag = "\"" + versioned.version() + "-" + hash(body, VERSIONED_HASH) + "\"";
        } else if (publicRead(request)) {
            tag = "\"" + hash(written(response), CONTENT_HASH) + "\"";
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "public, max-age=" + PUBLIC_MAX_AGE);
        } else {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (safe && ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    /**
     * A read's entity written once: as the JSON that is hashed for its tag and then sent as it is (the entity of a
     * write is left to the filters after this one, e.g. the idempotent answer's record).
     */
    private byte[] written(ContainerResponseContext response) {
        byte[] body = written(response.getEntity(), json);
        MediaType type = response.getMediaType() != null ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE;
        response.setEntity(body, response.getEntityAnnotations(), type);
        return body;
    }

    private static byte[] written(Object entity, ObjectMapper json) {
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean publicRead(ContainerRequestContext request) {
        return HttpMethod.GET.equals(request.getMethod()) && PublicPaths.cacheable(request.getUriInfo().getPath());
    }

    /**
     * The first {@code length} characters of the base64url SHA-256 of the JSON the entity is written as: the same
     * content, the same hash, on every replica.
     */
    private static String hash(byte[] written, int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256(written)).substring(0, length);
    }

    /** Weak comparison of whole tags, as If-None-Match requires (RFC 9110 §13.1.2). */
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
