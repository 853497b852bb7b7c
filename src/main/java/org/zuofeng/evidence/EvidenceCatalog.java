package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What other features ask of the evidence they hold, and the only way they read it: no class outside this package
 * reads an {@link Evidence} or its table.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EvidenceCatalog {

    private final EvidenceRepository evidence;

    public EvidenceCatalog(EvidenceRepository evidence) {
        this.evidence = evidence;
    }

    /** Those of these evidence ids that are kept (active or withdrawn): their bytes are here. */
    public Set<UUID> existing(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(evidence.list("id in ?1", ids).stream().map(e -> e.id).toList());
    }

    /** The active evidence of each finding, oldest first (withdrawn evidence is not part of a finding). */
    public Map<UUID, List<EvidenceSummary>> activeOfFindings(Collection<UUID> findingIds) {
        return evidence.activeOfFindings(findingIds);
    }
}
