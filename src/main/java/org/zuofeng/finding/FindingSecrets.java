package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.audit.SecretRecords;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Findings of covert inspections not yet completed, for the audit log's record of who read them. */
@ApplicationScoped
public class FindingSecrets implements SecretRecords {

    private final Findings findings;

    public FindingSecrets(Findings findings) {
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
