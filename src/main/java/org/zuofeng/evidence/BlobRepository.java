package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.crypto.Sealing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code evidence_blobs} table: which content the store keeps, and when an upload last claimed it. A claim is
 * written before the bytes move into place; the sweeper removes only what no evidence, nor any other feature's
 * record ({@link BlobReferrer}), references and no upload has claimed for its grace period.
 */
@ApplicationScoped
public class BlobRepository {

    private final EntityManager em;
    /** The conditions under which another feature references a blob {@code b}: each one keeps it. */
    private final String referencedElsewhere;

    public BlobRepository(EntityManager em, Instance<BlobReferrer> referrers) {
        this.em = em;
        this.referencedElsewhere = referrers.stream().map(r -> " and not (" + r.references("b.sha256") + ")")
                .sorted().collect(Collectors.joining());
    }

    /** Conditions on a blob {@code b} that no other feature's record references: appended to a query's filter. */
    String notReferencedElsewhere() {
        return referencedElsewhere;
    }

    /**
     * Claims the content for an upload now: the row exists, with {@code claimed_at} now, and stays locked against
     * the sweeper until the caller's transaction ends.
     */
    public void claim(String sha256, long size, Instant now) {
        em.createNativeQuery("""
                        insert into evidence_blobs (sha256, size, claimed_at) values (:sha256, :size, :now)
                        on conflict (sha256) do update set claimed_at = excluded.claimed_at""")
                .setParameter("sha256", sha256).setParameter("size", size).setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Up to {@code limit} blobs that no evidence and no {@link BlobReferrer} references and no upload has claimed
     * since {@code claimedBefore}, locked for removal (blobs an upload holds are skipped).
     */
    @SuppressWarnings("unchecked")
    public List<String> lockUnreferenced(Instant claimedBefore, int limit) {
        return em.createNativeQuery("""
                        select b.sha256 from evidence_blobs b
                        where b.claimed_at < :before
                          and not exists (select 1 from evidence e where e.sha256 = b.sha256)"""
                        + referencedElsewhere + " order by b.claimed_at limit :limit for update of b skip locked")
                .setParameter("before", claimedBefore).setParameter("limit", limit).getResultList();
    }

    /** How the content is kept: sealed under a data key, still in clear, or destroyed. */
    public record Keeping(String keyRef, byte[] wrappedKey, boolean clearLeft, boolean destroyed) {

        public boolean sealed() {
            return keyRef != null;
        }
    }

    /** How the content is kept; empty when the store has no record of it. */
    public Optional<Keeping> keeping(String sha256) {
        List<?> rows = em.createNativeQuery("""
                        select key_ref, wrapped_key, clear_left, destroyed_at is not null from evidence_blobs
                        where sha256 = :sha256""")
                .setParameter("sha256", sha256).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(r -> new Keeping((String) r[0], (byte[]) r[1],
                (Boolean) r[2], (Boolean) r[3]));
    }

    /** The content is now sealed under the data key {@code keyRef} (and no longer destroyed, if it was). */
    public void sealed(String sha256, String keyRef, Sealing.Wrapped wrapped) {
        em.createNativeQuery("""
                        update evidence_blobs set key_ref = :ref, wrapped_key = :wrapped, kek_id = :kek,
                          destroyed_at = null where sha256 = :sha256""")
                .setParameter("ref", keyRef).setParameter("wrapped", wrapped.bytes())
                .setParameter("kek", wrapped.kekId()).setParameter("sha256", sha256).executeUpdate();
    }

    /**
     * The next content after {@code after} (by digest) that an earlier version kept in clear, locked for its sealing
     * (content another replica is sealing is skipped).
     */
    public Optional<String> lockNextClear(String after) {
        List<?> rows = em.createNativeQuery("""
                        select sha256 from evidence_blobs where clear_left and sha256 > :after
                        order by sha256 limit 1 for update skip locked""")
                .setParameter("after", after).getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }

    /** No clear file of the content is left. */
    public void clearGone(String sha256) {
        em.createNativeQuery("update evidence_blobs set clear_left = false where sha256 = :sha256")
                .setParameter("sha256", sha256).executeUpdate();
    }

    /** The content's key is destroyed: its sealed bytes can never be read again. */
    public void destroyed(String sha256, Instant at) {
        em.createNativeQuery("""
                        update evidence_blobs set key_ref = null, wrapped_key = null, kek_id = null,
                          destroyed_at = :at where sha256 = :sha256""")
                .setParameter("at", at).setParameter("sha256", sha256).executeUpdate();
    }

    public void forget(String sha256) {
        em.createNativeQuery("delete from evidence_blobs where sha256 = :sha256").setParameter("sha256", sha256)
                .executeUpdate();
    }
}
