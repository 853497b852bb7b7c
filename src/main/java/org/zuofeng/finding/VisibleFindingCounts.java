package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.inspection.FindingCounts;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** The findings of each inspection the caller may see ({@link FindingAccess}), counted for the inspection's view. */
@ApplicationScoped
public class VisibleFindingCounts implements FindingCounts {

    private final FindingRepository findings;
    private final CallerScope scope;

    public VisibleFindingCounts(FindingRepository findings, CallerScope scope) {
        this.findings = findings;
        this.scope = scope;
    }

    @Override
    public Map<UUID, Long> visibleOf(Collection<UUID> inspectionIds) {
        return findings.countsByInspection(inspectionIds, scope.readable(FindingAccess.FINDINGS));
    }
}
