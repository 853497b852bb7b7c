package org.zuofeng.common.changelog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The change log as readers see it: only its stable past. A change is served once the transaction that wrote it is
 * below the oldest transaction still running ({@link #horizon}); a transaction still open when later ones commit is
 * therefore waited for, never skipped, because whatever it writes carries its own, lower, transaction id.
 * <p>
 * The log is written by database triggers (V11), one row per record per transaction, for every change of a record
 * or of who may see it; readers dedupe, take the record as it is now, and keep the highest version.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeLog {

    private final EntityManager em;

    public ChangeLog(EntityManager em) {
        this.em = em;
    }

    /** The oldest transaction id still running: every change below it is committed (or gone with its rollback). */
    public long horizon() {
        return ((Number) em.createNativeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                .getSingleResult()).longValue();
    }

    /** Changes at or before this position may have been purged: a reader still before it has missed some. */
    public ChangePosition purgedUpTo() {
        Object[] row = (Object[]) em.createNativeQuery("select xid, position from change_log_purged").getSingleResult();
        return new ChangePosition(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * Removes up to {@code limit} changes made before {@code before} (past their retention), moving the purge mark
     * past them; answers how many went.
     */
    @Transactional
    public int purge(Instant before, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> gone = em.createNativeQuery("""
                        delete from change_log where position in (
                            select position from change_log where changed_at < :before limit :limit)
                        returning xid, position""")
                .setParameter("before", before).setParameter("limit", limit).getResultList();
        gone.stream().map(row -> new ChangePosition(((Number) row[0]).longValue(), ((Number) row[1]).longValue()))
                .max(ChangePosition::compareTo)
                .ifPresent(last -> em.createNativeQuery("""
                                update change_log_purged set xid = :xid, position = :position
                                where (xid, position) < (:xid, :position)""")
                        .setParameter("xid", last.xid()).setParameter("position", last.position()).executeUpdate());
        return gone.size();
    }

    /** At most {@code limit} changes after {@code position} and below {@code horizon}, in log order. */
    public List<Change> after(ChangePosition position, long horizon, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select xid, position, entity, entity_id from change_log
                        where (xid, position) > (:xid, :position) and xid < :horizon
                        order by xid, position
                        limit :limit""")
                .setParameter("xid", position.xid()).setParameter("position", position.position())
                .setParameter("horizon", horizon).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new Change(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                (String) row[2], (UUID) row[3])).toList();
    }
}
