package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.jobs.Worker;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Which request may write a resumable upload's file, decided in PostgreSQL whatever replica the request reached: an
 * append takes the fence by a conditional update on the offset the server has; the file is touched only while the
 * fence is held (renewed as the chunk streams in); the offset moves and the fence is released in one update that
 * still names the holder. A request that finds the fence taken leaves the file alone; a crashed one's fence lapses.
 */
@ApplicationScoped
class UploadFence {

    /** How long a fence holds without renewal; an append renews it far more often while bytes arrive. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final EntityManager em;
    private final Worker worker;
    private final Clock clock;

    UploadFence(EntityManager em, Worker worker, Clock clock) {
        this.em = em;
        this.worker = worker;
        this.clock = clock;
    }

    /** A fresh name for one request's hold on an upload. */
    String newHolder() {
        return worker.id() + "/" + UUID.randomUUID();
    }

    /** Takes the fence for {@code holder} if the upload stands at {@code offset} and no live fence holds it. */
    boolean take(UUID id, long offset, String holder) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update uploads set fenced_by = :holder, fenced_until = :until
                        where id = :id and "offset" = :offset and not completed
                          and (fenced_by is null or fenced_until < :now)""")
                .setParameter("holder", holder).setParameter("until", clock.instant().plus(LEASE))
                .setParameter("now", clock.instant()).setParameter("id", id).setParameter("offset", offset)
                .executeUpdate() == 1);
    }

    /** Extends the holder's fence; false if it lapsed and another request took it. */
    boolean renew(UUID id, String holder) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update uploads set fenced_until = :until where id = :id and fenced_by = :holder""")
                .setParameter("until", clock.instant().plus(LEASE)).setParameter("id", id)
                .setParameter("holder", holder).executeUpdate() == 1);
    }

    /**
     * Moves the upload to {@code offset}, if the holder still holds it; releases the fence unless the upload is now
     * whole, when the holder keeps it until the upload is attached (or lapses, for a retry to finish the work).
     */
    boolean advance(UUID id, long offset, boolean whole, String holder) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update uploads set "offset" = :offset,
                            fenced_by = case when :whole then fenced_by end,
                            fenced_until = case when :whole then cast(:until as timestamptz) end
                        where id = :id and fenced_by = :holder""")
                .setParameter("offset", offset).setParameter("whole", whole)
                .setParameter("until", clock.instant().plus(LEASE)).setParameter("id", id)
                .setParameter("holder", holder).executeUpdate() == 1);
    }

    /** Releases the holder's fence without moving the upload (the chunk was dropped). */
    void release(UUID id, String holder) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update uploads set fenced_by = null, fenced_until = null where id = :id and fenced_by = :holder""")
                .setParameter("id", id).setParameter("holder", holder).executeUpdate());
    }
}
