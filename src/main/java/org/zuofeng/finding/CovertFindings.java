package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.audit.CovertRecords;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Findings of covert inspections not yet completed, for the audit log's record of who read them. */
@ApplicationScoped
public class CovertFindings implements CovertRecords {

    private final Findings findings;

    public CovertFindings(Findings findings) {
        this.findings = findings;
    }

    @Override
    public String entityType() {
        return FindingService.ENTITY_TYPE;
    }

    @Override
    public Set<UUID> secretAmong(Collection<UUID> ids) {
        return findings.secretAmong(ids);
    }
}
