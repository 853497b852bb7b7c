package org.zuofeng.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.evidence.EvidenceHolder;
import org.zuofeng.evidence.EvidenceService;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Evidence of a whole inspection (暗访专题片): seen with the inspection; added by the team unless it is cancelled. */
@ApplicationScoped
@Transactional
public class InspectionEvidenceHolder implements EvidenceHolder {

    private final Inspections inspections;
    private final InspectionChecks checks;
    private final CallerScope scope;

    public InspectionEvidenceHolder(Inspections inspections, InspectionChecks checks, CallerScope scope) {
        this.inspections = inspections;
        this.checks = checks;
        this.scope = scope;
    }

    @Override
    public String kind() {
        return EvidenceService.Owner.INSPECTION;
    }

    @Override
    public void requireVisible(UUID id) {
        inspections.visible(id);
    }

    @Override
    public Set<UUID> visibleAmong(Collection<UUID> ids) {
        return scope.readableIds(Inspection.class, ids, InspectionAccess.INSPECTIONS);
    }

    @Override
    public void requireMayAdd(UUID id) {
        Inspection inspection = inspections.visible(id);
        if (!checks.onTeam(inspection)) {
            throw new ProblemException(ErrorCode.FORBIDDEN, Text.of("inspection.inspectionTeamAddsEvidence"));
        }
        if (inspection.status == InspectionStatus.CANCELLED) {
            throw new ProblemException(ErrorCode.EVIDENCE_NOT_ACCEPTED,
                    Text.of("inspection.inspectionCancelledTakesEvidence", id));
        }
    }

    @Override
    public Set<UUID> secretAmong(Collection<UUID> ids) {
        return inspections.secretAmong(ids);
    }

    @Override
    public Optional<UUID> heldBackBy(UUID id) {
        return inspections.heldBack(id);
    }
}
