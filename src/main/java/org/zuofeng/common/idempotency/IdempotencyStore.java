package org.zuofeng.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.config.ZuofengConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code idempotency_keys} table: claims a key for a request, stores its answer, and tells a retry what to do.
 * A claim runs in its own short transaction, so that it is visible to concurrent retries at once; an answer is
 * stored in the request's own transaction where {@link IdempotentCompletion} holds one, else in a short one.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** The identity of one claimed key. */
    public record Claim(String caller, String method, String path, UUID key) {
    }

    /** A stored answer, replayed for a retry. */
    public record StoredResponse(int status, String contentType, String location, String etag, byte[] body) {

        /** The answer to store for a response entity, serialised as the API writes it. */
        static StoredResponse of(int status, String contentType, String location, String etag, Object entity,
                ObjectMapper json) {
            byte[] body;
            try {
                body = entity == null ? null : entity instanceof byte[] bytes ? bytes : json.writeValueAsBytes(entity);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot store the response for idempotent replay", e);
            }
            return new StoredResponse(status, contentType, location, etag, body);
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

    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final EntityManager em;
    private final Clock clock;
    private final Duration retention;
    private final Duration lease;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    public IdempotencyStore(EntityManager em, Clock clock, ZuofengConfig config) {
        this.em = em;
        this.clock = clock;
        this.retention = config.idempotency().retention();
        this.lease = config.idempotency().lease();
    }

    public Outcome claim(Claim claim, byte[] requestHash) {
        purgeExpiredNowAndThen();
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
                    select request_hash, state, created_at, expires_at, status, content_type, location, etag, body
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
            return new Outcome.Replay(new StoredResponse(((Number) row[4]).intValue(), (String) row[5],
                    (String) row[6], (String) row[7], (byte[]) row[8]));
        });
    }

    /** Stores the answer of a finished request for replay, on its own. */
    public void complete(Claim claim, StoredResponse response) {
        QuarkusTransaction.requiringNew().run(() -> completeInTransaction(claim, response));
    }

    /** Stores the answer in the caller's transaction, which holds the change the answer reports. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeInTransaction(Claim claim, StoredResponse response) {
        em.createNativeQuery("""
                        update idempotency_keys
                        set state = 'COMPLETED', status = :status, content_type = :type, location = :location,
                            etag = :etag, body = :body
                        where caller = :caller and method = :method and path = :path and idem_key = :key""")
                .setParameter("status", response.status()).setParameter("type", response.contentType())
                .setParameter("location", response.location()).setParameter("etag", response.etag())
                .setParameter("body", response.body())
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
                            status = null, content_type = null, location = null, etag = null, body = null
                        where caller = :caller and method = :method and path = :path and idem_key = :key""")
                .setParameter("hash", requestHash).setParameter("now", now)
                .setParameter("expires", now.plus(retention))
                .setParameter("caller", claim.caller()).setParameter("method", claim.method())
                .setParameter("path", claim.path()).setParameter("key", claim.key())
                .executeUpdate();
    }

    private void purgeExpiredNowAndThen() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from idempotency_keys where expires_at <= :now")
                .setParameter("now", now).executeUpdate());
    }
}
