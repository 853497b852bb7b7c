package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
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

    public void forget(String sha256) {
        em.createNativeQuery("delete from evidence_blobs where sha256 = :sha256").setParameter("sha256", sha256)
                .executeUpdate();
    }
}
