package org.zuofeng.common.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Signed tree heads of the audit log: the size and root of the tree at a moment, signed with {@link TreeHeadKey} over
 * RFC 9162's TreeHeadDataV2 ({@link #signedBytes}). One per tree size, kept for good; an outside party that keeps
 * them can later prove, with a consistency proof, that the record it saw was not rewritten or rolled back.
 */
@ApplicationScoped
@Transactional
public class TreeHeads {

    /** A signed tree head. */
    public record TreeHead(long treeSize, byte[] rootHash, Instant timestamp, String keyId, byte[] signature) {
    }

    private final EntityManager em;
    private final AuditLog log;
    private final TreeHeadKey key;
    private final Clock clock;

    public TreeHeads(EntityManager em, AuditLog log, TreeHeadKey key, Clock clock) {
        this.em = em;
        this.log = log;
        this.key = key;
        this.clock = clock;
    }

    /**
     * The head of the tree as sealed now, signed unless a head of its size exists (then that one); empty while the
     * log has no leaf.
     */
    public Optional<TreeHead> signLatest() {
        long size = log.state().size();
        if (size == 0) {
            return Optional.empty();
        }
        Optional<TreeHead> signed = at(size);
        if (signed.isPresent()) {
            return signed;
        }
        byte[] root = log.root(size);
        Instant now = Instant.ofEpochMilli(clock.millis());
        byte[] signature = key.sign(signedBytes(now, size, root));
        em.createNativeQuery("""
                        insert into audit_tree_heads (tree_size, root_hash, signed_at, key_id, signature)
                        values (:size, :root, :at, :key, :signature)
                        on conflict (tree_size) do nothing""")
                .setParameter("size", size).setParameter("root", root).setParameter("at", now)
                .setParameter("key", key.keyId()).setParameter("signature", signature).executeUpdate();
        return at(size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TreeHead> latest() {
        return first("order by tree_size desc limit 1", null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TreeHead> at(long size) {
        return first("where tree_size = :size", size);
    }

    /** Every head, smallest first, for the verifier. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TreeHead> all() {
        return rows("order by tree_size", null);
    }

    /**
     * RFC 9162 §4.10 TreeHeadDataV2 in its TLS encoding, what a head's signature covers: the timestamp in
     * milliseconds (uint64), the tree size (uint64), the root hash (opaque, one length byte), and no extensions
     * (a two-byte zero length).
     */
    public static byte[] signedBytes(Instant timestamp, long size, byte[] root) {
        return ByteBuffer.allocate(8 + 8 + 1 + root.length + 2).putLong(timestamp.toEpochMilli()).putLong(size)
                .put((byte) root.length).put(root).putShort((short) 0).array();
    }

    private Optional<TreeHead> first(String tail, Long size) {
        return rows(tail, size).stream().findFirst();
    }

    private List<TreeHead> rows(String tail, Long size) {
        var query = em.createNativeQuery(
                "select tree_size, root_hash, signed_at, key_id, signature from audit_tree_heads " + tail);
        if (size != null) {
            query.setParameter("size", size);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new TreeHead(((Number) r[0]).longValue(), (byte[]) r[1], instant(r[2]),
                (String) r[3], (byte[]) r[4])).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
