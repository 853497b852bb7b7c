package org.zuofeng.common.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rows worked on outside the transaction that claims them (a webhook message sent, an export written), shared by the
 * replicas without any lock held in memory: a worker claims rows ({@code FOR UPDATE SKIP LOCKED}) with a lease in
 * the name of that claim (its {@link Worker} and a token of its own, so two threads of one replica are two holders
 * too), renews it only while it still holds it, and settles it only while it still holds it.
 * Before each side effect the worker renews: a worker whose lease lapsed and was taken over learns so there, and
 * does nothing. Another worker takes a row only once its lease has lapsed, so a crashed replica's work is picked up.
 * <p>
 * A table worked this way has {@code id uuid}, {@code lease_owner varchar} and {@code leased_until timestamptz}. The
 * table, conditions and order are the caller's constants, never input.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Leases {

    private final EntityManager em;
    private final Worker worker;
    private final Clock clock;

    public Leases(EntityManager em, Worker worker, Clock clock) {
        this.em = em;
        this.worker = worker;
        this.clock = clock;
    }

    /** What a claim took: the name its leases are held in, and the rows, in order. */
    public record Claimed(String holder, List<UUID> ids) {
    }

    /**
     * Claims, for {@code lease}, up to {@code limit} rows of {@code table} that {@code ready} selects (it may name
     * {@code :now}) and that no live lease holds, in {@code order}.
     */
    public Claimed claim(String table, String ready, Map<String, Object> parameters, String order, int limit,
            Duration lease) {
        Instant now = clock.instant();
        String holder = worker.id() + "/" + UUID.randomUUID();
        Query claim = em.createNativeQuery("update " + table + " set lease_owner = :owner, leased_until = :until"
                + " where id in (select id from " + table + " where (" + ready + ")"
                + " and (leased_until is null or leased_until < :now) order by " + order
                + " limit :limit for update skip locked) returning id");
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("owner", holder);
        all.put("until", now.plus(lease));
        all.put("now", now);
        all.put("limit", limit);
        all.forEach(claim::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = claim.getResultList();
        return new Claimed(holder, ids);
    }

    /**
     * Extends the holder's lease on a row by {@code lease} from now; false if it no longer holds it (it lapsed and
     * another worker took it, or the row was settled or cancelled meanwhile). Call it right before each side effect.
     */
    public boolean renew(String table, UUID id, String holder, Duration lease) {
        return em.createNativeQuery("update " + table + " set leased_until = :until"
                        + " where id = :id and lease_owner = :owner")
                .setParameter("until", clock.instant().plus(lease)).setParameter("id", id)
                .setParameter("owner", holder).executeUpdate() == 1;
    }

    /**
     * Ends the holder's lease on a row, setting what {@code set} says (assignments that may name parameters), if it
     * still holds it; false (and nothing set) otherwise.
     */
    public boolean settle(String table, UUID id, String holder, String set, Map<String, Object> parameters) {
        Query settle = em.createNativeQuery("update " + table + " set " + set
                + ", lease_owner = null, leased_until = null where id = :id and lease_owner = :owner");
        parameters.forEach(settle::setParameter);
        return settle.setParameter("id", id).setParameter("owner", holder).executeUpdate() == 1;
    }

    /**
     * Thrown where a worker finds its lease gone (it lapsed and another worker took the row over): it stops and
     * leaves the row alone. Use {@link #held} after a renewal.
     */
    public static final class Lost extends RuntimeException {
        public Lost() {
            super(null, null, false, false);
        }
    }

    /** Throws {@link Lost} unless {@code held}. */
    public static void held(boolean held) {
        if (!held) {
            throw new Lost();
        }
    }
}
