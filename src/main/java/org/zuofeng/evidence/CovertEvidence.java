package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.audit.CovertRecords;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Evidence backing covert inspections not yet completed, for the audit log's record of who read it. */
@ApplicationScoped
public class CovertEvidence implements CovertRecords {

    private final EvidenceRepository evidence;
    private final EvidenceHolders holders;

    public CovertEvidence(EvidenceRepository evidence, EvidenceHolders holders) {
        this.evidence = evidence;
        this.holders = holders;
    }

    @Override
    public String entityType() {
        return EvidenceService.ENTITY_TYPE;
    }

    @Override
    public Set<UUID> secretAmong(Collection<UUID> ids) {
        return ids.isEmpty() ? Set.of() : Set.copyOf(holders.secretAmong(evidence.list("id in ?1", ids)));
    }
}
