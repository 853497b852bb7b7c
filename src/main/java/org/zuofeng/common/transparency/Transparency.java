package org.zuofeng.common.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** What the transparency log answers: its key and latest head, proofs, a head signed on demand, a verification. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Transparency {

    private final EntityManager em;
    private final AuditLog log;
    private final AuditLogSealer sealer;
    private final TreeHeads heads;
    private final TreeHeadKey key;
    private final AuditLogVerifier verifier;

    Transparency(EntityManager em, AuditLog log, AuditLogSealer sealer, TreeHeads heads, TreeHeadKey key,
            AuditLogVerifier verifier) {
        this.em = em;
        this.log = log;
        this.sealer = sealer;
        this.heads = heads;
        this.key = key;
        this.verifier = verifier;
    }

    public TransparencyViews.LogView log() {
        return new TransparencyViews.LogView("Ed25519", key.keyId(), Base64.getEncoder().encodeToString(
                key.publicKey()), heads.latest().map(TreeHeadView::of).orElse(null));
    }

    /** The consistency proof between two sizes of the sealed tree (1 ≤ first ≤ second ≤ its size). */
    public TransparencyViews.ConsistencyView consistency(Long first, Long second) {
        long sealed = log.state().size();
        requireSize("first", first, 1, sealed);
        requireSize("second", second, first, sealed);
        List<byte[]> proof = first.equals(second) ? List.of() : log.consistencyProof(first, second);
        return new TransparencyViews.ConsistencyView(first, second, TransparencyViews.base64(proof));
    }

    /** Seals what is committed, then signs the head of the tree; 409 while nothing is sealed. */
    @Transactional(Transactional.TxType.NEVER)
    public TreeHeadView signNow() {
        sealer.seal();
        return heads.signLatest().map(TreeHeadView::of)
                .orElseThrow(() -> new ProblemException(ErrorCode.CONFLICT, Text.of("transparency.nothingSealed")));
    }

    public AuditLogVerifier.Report verify() {
        return verifier.verify();
    }

    /**
     * The proof that an audit event is in the tree of {@code treeSize} leaves (by default the latest signed head's),
     * with that head when one was signed at that size.
     */
    public TransparencyViews.InclusionView inclusion(UUID id, Long treeSize) {
        boolean exists = ((Number) em.createNativeQuery("select count(*) from audit_events where id = :id")
                .setParameter("id", id).getSingleResult()).longValue() > 0;
        if (!exists) {
            throw ProblemException.notFound("auditEvent");
        }
        long index = log.indexOf(id).orElseThrow(() -> new ProblemException(ErrorCode.CONFLICT,
                Text.of("transparency.notSealedYet")));
        long size = treeSize != null ? treeSize : heads.latest().map(TreeHeads.TreeHead::treeSize).orElse(0L);
        if (index >= size) {
            throw new ProblemException(ErrorCode.CONFLICT, Text.of("transparency.notInTree", index, size));
        }
        requireSize("treeSize", size, 1, log.state().size());
        return new TransparencyViews.InclusionView(id, index, size,
                Base64.getEncoder().encodeToString(log.leafHash(index)),
                TransparencyViews.base64(log.inclusionProof(index, size)),
                heads.at(size).map(TreeHeadView::of).orElse(null));
    }

    private static void requireSize(String name, Long size, long min, long sealed) {
        if (size == null || size < min || size > sealed) {
            throw ProblemException.invalidParameter(name, Text.of("transparency.sizeOutOfRange", min, sealed));
        }
    }
}
