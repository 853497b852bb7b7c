package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.evidence.EvidenceHolder;
import org.zuofeng.evidence.EvidenceService;
import org.zuofeng.inspection.Inspections;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Evidence of a finding: seen by whoever sees the finding; added by the team until it is verified or dismissed. */
@ApplicationScoped
@Transactional
public class FindingEvidenceHolder implements EvidenceHolder {

    private final FindingService findings;
    private final Findings api;
    private final Inspections inspections;
    private final CallerScope scope;

    public FindingEvidenceHolder(FindingService findings, Findings api, Inspections inspections, CallerScope scope) {
        this.findings = findings;
        this.api = api;
        this.inspections = inspections;
        this.scope = scope;
    }

    @Override
    public String kind() {
        return EvidenceService.Owner.FINDING;
    }

    @Override
    public void requireVisible(UUID id) {
        findings.visible(id);
    }

    @Override
    public Set<UUID> visibleAmong(Collection<UUID> ids) {
        return scope.readableIds(Finding.class, ids, FindingAccess.FINDINGS);
    }

    @Override
    public void requireMayAdd(UUID id) {
        Finding finding = findings.visible(id);
        if (!inspections.onTeam(inspections.get(finding.inspectionId))) {
            throw new ProblemException(ErrorCode.FORBIDDEN, Text.of("inspection.inspectionTeamAddsEvidence"));
        }
        if (finding.status == FindingStatus.VERIFIED || finding.status == FindingStatus.DISMISSED) {
            throw new ProblemException(ErrorCode.FINDING_CLOSED,
                    Text.of("finding.findingTakesMoreEvidence", id, finding.status));
        }
    }

    @Override
    public Set<UUID> secretAmong(Collection<UUID> ids) {
        return api.secretAmong(ids);
    }

    @Override
    public Optional<UUID> heldBackBy(UUID id) {
        return api.heldBackBy(id);
    }
}
