package org.zuofeng.common.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Checks the audit record against its transparency log, from the database alone: rebuilds every leaf from the audit
 * event it names and compares it with the leaf sealed, in order, and rebuilds the root at the size of every signed
 * tree head and checks it and its signature. Names the first event whose content no longer matches, or that is gone.
 * Reads the log in chunks: its memory does not grow with the log.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditLogVerifier {

    private static final int CHUNK = 5000;

    /** What went wrong with a leaf: the event was changed, or is gone. */
    public enum Problem {
        CHANGED, MISSING
    }

    /** The first leaf that does not match the record. */
    public record Mismatch(long leafIndex, UUID auditEventId, Problem problem) {
    }

    /** A signed tree head the record no longer matches, or whose signature fails. */
    public record FailedHead(long treeSize, String problem) {
    }

    /** The verification: how far the log reaches, what was checked, and what failed. */
    public record Report(boolean intact, long treeSize, long leavesChecked, Mismatch firstMismatch,
            int headsChecked, List<FailedHead> failedHeads) {

        static Report of(long treeSize, long leavesChecked, Mismatch firstMismatch, int headsChecked,
                List<FailedHead> failedHeads) {
            return new Report(firstMismatch == null && failedHeads.isEmpty(), treeSize, leavesChecked, firstMismatch,
                    headsChecked, List.copyOf(failedHeads));
        }
    }

    private final EntityManager em;
    private final AuditLog log;
    private final TreeHeads heads;
    private final TreeHeadKey key;

    public AuditLogVerifier(EntityManager em, AuditLog log, TreeHeads heads, TreeHeadKey key) {
        this.em = em;
        this.log = log;
        this.heads = heads;
        this.key = key;
    }

    /**
     * The verification; runs without a transaction (each chunk reads on its own), so that a long check of a large
     * log never holds back what the feed and the sealer wait for.
     */
    @ActivateRequestContext
    public Report verify() {
        long size = log.state().size();
        Map<Long, TreeHeads.TreeHead> bySize = new HashMap<>();
        heads.all().forEach(h -> bySize.put(h.treeSize(), h));
        List<FailedHead> failed = new ArrayList<>();
        Rebuilt rebuilt = new Rebuilt();
        Mismatch[] first = new Mismatch[1];
        forEachLeaf(size, leaf -> {
            if (first[0] == null && leaf.now() == null) {
                first[0] = new Mismatch(leaf.index(), leaf.auditId(), Problem.MISSING);
            } else if (first[0] == null && !MessageDigest.isEqual(leaf.now(), leaf.sealed())) {
                first[0] = new Mismatch(leaf.index(), leaf.auditId(), Problem.CHANGED);
            }
            rebuilt.add(leaf);
            TreeHeads.TreeHead head = bySize.get(leaf.index() + 1);
            if (head != null) {
                check(head, rebuilt.root(), failed);
            }
        });
        bySize.keySet().stream().filter(s -> s > size).sorted()
                .forEach(s -> failed.add(new FailedHead(s, "signed for more leaves than the log holds")));
        return Report.of(size, rebuilt.size, first[0], bySize.size(), failed);
    }

    /** The root of the tree rebuilt from the record as it is now, at {@code size} leaves. */
    @ActivateRequestContext
    public byte[] rebuiltRoot(long size) {
        Rebuilt rebuilt = new Rebuilt();
        forEachLeaf(size, rebuilt::add);
        return size == 0 ? Merkle.emptyRoot() : rebuilt.root();
    }

    private void check(TreeHeads.TreeHead head, byte[] root, List<FailedHead> failed) {
        if (!MessageDigest.isEqual(root, head.rootHash())) {
            failed.add(new FailedHead(head.treeSize(), "the record rebuilds to another root"));
        } else if (!key.keyId().equals(head.keyId()) || !TreeHeadKey.verify(key.publicKey(),
                TreeHeads.signedBytes(head.timestamp(), head.treeSize(), head.rootHash()), head.signature())) {
            failed.add(new FailedHead(head.treeSize(), "the signature does not verify under the published key"));
        }
    }

    /**
     * A sealed leaf: its index, the event it names, the hash sealed, and the hash the event gives now (none when the
     * event is gone).
     */
    private record Leaf(long index, UUID auditId, byte[] sealed, byte[] now) {
    }

    /** Each of the first {@code size} leaves, in order, read a chunk at a time. */
    private void forEachLeaf(long size, Consumer<Leaf> each) {
        for (long from = 0; from < size; from += CHUNK) {
            for (Object[] row : chunk(from, Math.min(size, from + CHUNK))) {
                String canonical = (String) row[3];
                each.accept(new Leaf(((Number) row[0]).longValue(), (UUID) row[1], (byte[]) row[2],
                        canonical == null ? null : Merkle.leafHash(canonical.getBytes(StandardCharsets.UTF_8))));
            }
        }
    }

    /** The leaves from {@code from} (included) to {@code to} (excluded): index, event id, sealed hash, the event now. */
    private List<Object[]> chunk(long from, long to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select l.idx, l.audit_id, n.hash, case when e.id is null"
                        + " then null else " + AuditLog.CANONICAL + " end" + """

                        from audit_log_leaves l
                        join audit_log_nodes n on n.level = 0 and n.idx = l.idx
                        left join audit_events e on e.id = l.audit_id
                        where l.idx >= :from and l.idx < :to
                        order by l.idx""")
                .setParameter("from", from).setParameter("to", to).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("the log has no leaves from " + from);
        }
        return rows;
    }

    /** A tree rebuilt leaf by leaf, keeping only its right edge (at most 63 hashes): its root at any size. */
    private static final class Rebuilt {

        private final List<byte[]> edge = new ArrayList<>();
        private long size;

        /** Adds the leaf as the record gives it now: a gone event's leaf is 32 zero bytes, which no event hashes to. */
        void add(Leaf leaf) {
            byte[] hash = leaf.now() == null ? new byte[Merkle.HASH_BYTES] : leaf.now();
            long at = size;
            while ((at & 1) == 1) {
                hash = Merkle.nodeHash(edge.removeLast(), hash);
                at >>= 1;
            }
            edge.add(hash);
            size++;
        }

        byte[] root() {
            byte[] root = edge.getLast();
            for (int i = edge.size() - 2; i >= 0; i--) {
                root = Merkle.nodeHash(edge.get(i), root);
            }
            return root;
        }
    }
}
