package org.zuofeng.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.Disclosures;
import org.zuofeng.common.crypto.ServerKeys;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The {@code idempotency_keys} table: claims a key for a request, stores its answer, and tells a retry what to do.
 * A claim runs in its own short transaction, so that it is visible to concurrent retries at once; an answer is
 * stored in the request's own transaction where {@link IdempotentCompletion} holds one, else in a short one.
 * <p>
 * What is kept reveals nothing by itself: a request is kept as its HMAC, an answer sealed (AES-GCM under a key
 * derived from {@code ZUOFENG_SECRET}, bound to its claim), with the list of sensitive reads it showed, so that its
 * replay is on record as the same reads. Expired rows are purged by {@link IdempotencyPurge}, never on a request.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** The identity of one claimed key. */
    public record Claim(String caller, String method, String path, UUID key) {

        /** What a sealed answer is bound to: it opens for this claim only. */
        byte[] context() {
            return (caller + "\n" + method + "\n" + path + "\n" + key).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A stored answer, replayed for a retry, with the sensitive reads the answer showed. */
    public record StoredResponse(int status, String contentType, String location, String etag, byte[] body,
            List<Disclosures.Disclosure> disclosures) {

        /** The answer to store for a response entity, serialised as the API writes it. */
        static StoredResponse of(int status, String contentType, String location, String etag, Object entity,
                List<Disclosures.Disclosure> disclosures, ObjectMapper json) {
            byte[] body;
            try {
                body = entity == null ? null : entity instanceof byte[] bytes ? bytes : json.writeValueAsBytes(entity);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot store the response for idempotent replay", e);
            }
            return new StoredResponse(status, contentType, location, etag, body, disclosures);
        }
    }

    /** What a request with a key may do. */
    public sealed interface Outcome {
        /** First use of the key (or an expired or abandoned one): run the request. */
        record Claimed(Claim claim) implements Outcome { }
        /** A finished request with the same body: replay its answer. */
        record Replay(StoredResponse response) implements Outcome { }
        /** The key was used for another body. */
        record Mismatch() implements Outcome { }
        /** The first request with this key has not finished. */
        record InFlight() implements Outcome { }
    }

    private static final String REQUEST_KEY = "idempotency-request";
    private static final String ANSWER_KEY = "idempotency-answer";
    private static final TypeReference<List<Disclosures.Disclosure>> DISCLOSURES = new TypeReference<>() { };

    private final EntityManager em;
    private final Clock clock;
    private final ServerKeys keys;
    private final ObjectMapper json;
    private final Duration retention;
    private final Duration lease;

    public IdempotencyStore(EntityManager em, Clock clock, ServerKeys keys, ObjectMapper json,
            IdempotencyConfig config) {
        this.em = em;
        this.clock = clock;
        this.keys = keys;
        this.json = json;
        this.retention = config.retention();
        this.lease = config.lease();
    }

    /** What is kept of a request to tell a retry with the same body from one with another: its HMAC. */
    public byte[] fingerprint(byte[] request) {
        return keys.mac(REQUEST_KEY, request);
    }

    public Outcome claim(Claim claim, byte[] requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            int inserted = em.createNativeQuery("""
                    insert into idempotency_keys (caller, method, path, idem_key, request_hash, state, created_at,
                                                  expires_at)
                    values (:caller, :method, :path, :key, :hash, 'IN_FLIGHT', :now, :expires)
                    on conflict (caller, method, path, idem_key) do nothing""")
                    .setParameter("caller", claim.caller()).setParameter("method", claim.method())
                    .setParameter("path", claim.path()).setParameter("key", claim.key())
                    .setParameter("hash", requestHash).setParameter("now", now)
                    .setParameter("expires", now.plus(retention))
                    .executeUpdate();
            if (inserted == 1) {
                return new Outcome.Claimed(claim);
            }
            Object[] row = (Object[]) em.createNativeQuery("""
                    select request_hash, state, created_at, expires_at, status, content_type, location, etag, body,
                           disclosures
                    from idempotency_keys
                    where caller = :caller and method = :method and path = :path and idem_key = :key
                    for update""")
                    .setParameter("caller", claim.caller()).setParameter("method", claim.method())
                    .setParameter("path", claim.path()).setParameter("key", claim.key())
                    .getSingleResult();
            Instant createdAt = (Instant) row[2];
            Instant expiresAt = (Instant) row[3];
            boolean expired = !expiresAt.isAfter(now);
            boolean abandoned = "IN_FLIGHT".equals(row[1]) && !createdAt.plus(lease).isAfter(now);
            if (expired || abandoned) {
                restart(claim, requestHash, now);
                return new Outcome.Claimed(claim);
            }
            if (!Arrays.equals((byte[]) row[0], requestHash)) {
                return new Outcome.Mismatch();
            }
            if ("IN_FLIGHT".equals(row[1])) {
                return new Outcome.InFlight();
            }
            byte[] sealed = (byte[]) row[8];
            return new Outcome.Replay(new StoredResponse(((Number) row[4]).intValue(), (String) row[5],
                    (String) row[6], (String) row[7],
                    sealed == null ? null : keys.open(ANSWER_KEY, sealed, claim.context()),
                    row[9] == null ? List.of() : json.readValue((String) row[9], DISCLOSURES)));
        });
    }

    /** Stores the answer of a finished request for replay, on its own. */
    public void complete(Claim claim, StoredResponse response) {
        QuarkusTransaction.requiringNew().run(() -> completeInTransaction(claim, response));
    }

    /** Stores the answer in the caller's transaction, which holds the change the answer reports. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeInTransaction(Claim claim, StoredResponse response) {
        String disclosures;
        try {
            disclosures = response.disclosures().isEmpty() ? null : json.writeValueAsString(response.disclosures());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                        update idempotency_keys
                        set state = 'COMPLETED', status = :status, content_type = :type, location = :location,
                            etag = :etag, body = :body, disclosures = :disclosures
                        where caller = :caller and method = :method and path = :path and idem_key = :key""")
                .setParameter("status", response.status()).setParameter("type", response.contentType())
                .setParameter("location", response.location()).setParameter("etag", response.etag())
                .setParameter("body", response.body() == null ? null
                        : keys.seal(ANSWER_KEY, response.body(), claim.context()))
                .setParameter("disclosures", disclosures)
                .setParameter("caller", claim.caller()).setParameter("method", claim.method())
                .setParameter("path", claim.path()).setParameter("key", claim.key())
                .executeUpdate();
    }

    /** Forgets a claim whose request failed on the server's side, so that a retry runs it again. */
    public void release(Claim claim) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        delete from idempotency_keys
                        where caller = :caller and method = :method and path = :path and idem_key = :key""")
                .setParameter("caller", claim.caller()).setParameter("method", claim.method())
                .setParameter("path", claim.path()).setParameter("key", claim.key())
                .executeUpdate());
    }

    private void restart(Claim claim, byte[] requestHash, Instant now) {
        em.createNativeQuery("""
                        update idempotency_keys
                        set request_hash = :hash, state = 'IN_FLIGHT', created_at = :now, expires_at = :expires,
                            status = null, content_type = null, location = null, etag = null, body = null,
                            disclosures = null
                        where caller = :caller and method = :method and path = :path and idem_key = :key""")
                .setParameter("hash", requestHash).setParameter("now", now)
                .setParameter("expires", now.plus(retention))
                .setParameter("caller", claim.caller()).setParameter("method", claim.method())
                .setParameter("path", claim.path()).setParameter("key", claim.key())
                .executeUpdate();
    }
}
