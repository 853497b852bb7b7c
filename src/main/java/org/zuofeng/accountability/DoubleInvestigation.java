package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.official.PostRole;

import java.util.List;
import java.util.UUID;

/**
 * 一案双查: a violation case opens, in the same transaction, a leadership-responsibility case for the unit's
 * principal and for the deputy in charge of its area (each deputy in charge when no area is said) on the day it
 * happened, never for the violator themself.
 */
@ApplicationScoped
class DoubleInvestigation {

    private final CaseRepository cases;
    private final Leaders leaders;
    private final CaseViews views;
    private final AuditTrail audit;

    DoubleInvestigation(CaseRepository cases, Leaders leaders, CaseViews views, AuditTrail audit) {
        this.cases = cases;
        this.leaders = leaders;
        this.views = views;
        this.audit = audit;
    }

    /** Opens the case, and for a violation the leadership cases with it. */
    AccountabilityCase open(CaseWrite write) {
        AccountabilityCase opened = newCase(write.kind(), write.subjectOfficialId(), write, null, null);
        if (write.kind() == CaseKind.VIOLATION) {
            openLeadershipCases(opened, write);
        }
        return opened;
    }

    /** The leadership cases of a violation just opened, one per leader who answers for its area. */
    List<AccountabilityCase> openLeadershipCases(AccountabilityCase violation, CaseWrite write) {
        return leaders.of(write.unitId(), write.occurredOn()).stream()
                .filter(leader -> !leader.officialId().equals(write.subjectOfficialId())
                        && leader.answersFor(write.area()))
                .map(leader -> newCase(CaseKind.LEADERSHIP_RESPONSIBILITY, leader.officialId(), write, violation.id,
                        leader.role()))
                .toList();
    }

    /** A case of the kind about {@code subject}, open; its creation is on the audit log. */
    AccountabilityCase newCase(CaseKind kind, UUID subject, CaseWrite write, UUID violationId, PostRole leaderRole) {
        AccountabilityCase created = new AccountabilityCase();
        created.kind = kind;
        created.subjectOfficialId = subject;
        created.unitId = write.unitId();
        created.occurredOn = write.occurredOn();
        created.sourceNoticeId = write.sourceNoticeId();
        created.sourceFindingIds.addAll(write.findings());
        created.summary = write.summary();
        created.area = write.area();
        created.status = CaseStatus.OPEN;
        created.violationCaseId = violationId;
        created.leaderRole = leaderRole;
        audit.stampCreated(created);
        cases.persistAndFlush(created);
        audit.record("CREATE", CaseService.ENTITY_TYPE, created.id, null, views.of(created));
        return created;
    }
}
