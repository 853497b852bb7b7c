package org.zuofeng.common.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.audit.Disclosures;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.web.JsonBodyFilter;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Idempotency-Key} for every POST: the first request with a key runs and its answer is stored for 24 hours;
 * a retry with the same key and body gets that answer again ({@code Idempotency-Replayed: true}), with another body
 * a 422, and while the first is still running a 409. Keys are scoped to caller, method and path; anonymous callers
 * are not one caller, so their keys are not honoured (a replay would hand one reporter's receipt to another).
 * <p>
 * A JSON request's answer is stored by {@link IdempotentCompletion} in the transaction of the change itself; what
 * reaches this filter unanswered (a refusal, or a streamed upload, whose content digest makes it idempotent anyway)
 * is stored here. A server error releases the key so that a retry runs again. A replay shows what the first answer
 * showed, so the sensitive reads that answer was on record for are recorded again, for the replaying request.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final String CLAIM = "zuofeng.idempotencyClaim";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final PendingClaim pending;
    private final Caller caller;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Disclosures disclosures;

    public IdempotencyFilter(IdempotencyStore store, PendingClaim pending, Caller caller, ObjectMapper json,
            AuditTrail audit, Disclosures disclosures) {
        this.store = store;
        this.pending = pending;
        this.caller = caller;
        this.json = json;
        this.audit = audit;
        this.disclosures = disclosures;
    }

    /** Runs after {@link JsonBodyFilter} has kept the body's bytes. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Optional<Response> claim(ContainerRequestContext request) {
        String header = request.getHeaderString(HEADER);
        if (!HttpMethod.POST.equals(request.getMethod()) || header == null || caller.anonymous()) {
            return Optional.empty();
        }
        UUID key = parse(header);
        var claim = new IdempotencyStore.Claim(caller.subject(), request.getMethod(),
                request.getUriInfo().getPath(), key);
        IdempotencyStore.Outcome outcome = store.claim(claim, store.fingerprint(identity(request)));
        if (outcome instanceof IdempotencyStore.Outcome.Claimed) {
            request.setProperty(CLAIM, claim);
            if (request.getProperty(JsonBodyFilter.BODY_BYTES) != null) {
                pending.hold(claim);
            }
            return Optional.empty();
        }
        if (outcome instanceof IdempotencyStore.Outcome.Replay replay) {
            replay.response().disclosures().forEach(d -> audit.recordRead(d.action(), d.entityType(), d.ids()));
            return Optional.of(replay(replay.response()));
        }
        if (outcome instanceof IdempotencyStore.Outcome.Mismatch) {
            throw new ProblemException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    Text.of("common.idempotencyKeyWasUsedRequest"));
        }
        throw new ProblemException(ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT,
                Text.of("common.requestIdempotencyKeyStillBeing")).withHeader("Retry-After", "1");
    }

    @ServerResponseFilter
    public void complete(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof IdempotencyStore.Claim claim)) {
            return;
        }
        request.removeProperty(CLAIM);
        if (pending.isAnswered()) {
            return;
        }
        try {
            if (response.getStatus() >= 500) {
                store.release(claim);
                return;
            }
            store.complete(claim, IdempotencyStore.StoredResponse.of(response.getStatus(),
                    response.getMediaType() == null ? null : response.getMediaType().toString(),
                    response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG),
                    response.getEntity(), disclosures.all(), json));
        } catch (RuntimeException e) {
            // The answer goes out as it is (typically the 503 of a database that has just gone away); the key stays
            // claimed until its lease lapses, and a retry then runs the request afresh. Never a 500 for this.
            LOG.warnf("The Idempotency-Key of this request could not be settled (%s); it lapses after its lease",
                    e.getClass().getSimpleName());
        }
    }

    private static Response replay(IdempotencyStore.StoredResponse stored) {
        Response.ResponseBuilder response = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.body() != null) {
            response.entity(stored.body()).type(stored.contentType());
        }
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.header(HttpHeaders.ETAG, stored.etag());
        }
        return response.build();
    }

    /**
     * What makes two requests "the same": a JSON body's bytes; for streamed uploads, which are never buffered,
     * their declared type and {@code Content-Digest}.
     */
    private static byte[] identity(ContainerRequestContext request) {
        byte[] json = (byte[]) request.getProperty(JsonBodyFilter.BODY_BYTES);
        if (json != null) {
            return json;
        }
        return (request.getHeaderString(HttpHeaders.CONTENT_TYPE) + "\n"
                + request.getHeaderString("Content-Digest")).getBytes(StandardCharsets.UTF_8);
    }

    private static UUID parse(String header) {
        String value = header.trim();
        if (value.length() != 36) {
            throw ProblemException.invalidParameter(HEADER, Text.of("field.uuid"));
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter(HEADER, Text.of("field.uuid"));
        }
    }

}
