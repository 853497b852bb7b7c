package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.official.PostRole;
import org.zuofeng.official.PostService;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The record of a termination by public review (the two-strikes rule of village cadres), as the assessment feature
 * asks for it: a violation case decided at once with termination of post, its leadership cases waived at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Terminations {

    private final DoubleInvestigation investigation;
    private final CaseDecisions decisions;
    private final CaseService service;
    private final CaseViews views;
    private final PostService posts;
    private final AuditTrail audit;
    private final Transitions transitions;

    public Terminations(DoubleInvestigation investigation, CaseDecisions decisions, CaseService service,
            CaseViews views, PostService posts, AuditTrail audit, Transitions transitions) {
        this.investigation = investigation;
        this.decisions = decisions;
        this.service = service;
        this.views = views;
        this.posts = posts;
        this.audit = audit;
        this.transitions = transitions;
    }

    /**
     * A violation case citing the assessments, decided with termination of post, which ends the official's
     * two-committees posts on {@code day}; the leadership cases it opens are waived with {@code waiveReason}. Taken
     * on behalf of the rule, whoever's request made the assessment final. Answers the violation case's id.
     */
    public UUID recordByPublicReview(UUID officialId, UUID unitId, LocalDate day, List<UUID> assessmentIds,
            String summary, String waiveReason) {
        CaseWrite write = new CaseWrite(officialId, unitId, CaseKind.VIOLATION, day, List.of(), null, summary,
                null);
        AccountabilityCase violation = investigation.newCase(CaseKind.VIOLATION, officialId, write, null, null);
        violation.sourceAssessmentIds.addAll(assessmentIds);
        for (AccountabilityCase leadership : investigation.openLeadershipCases(violation, write)) {
            leadership.status = CaseStatus.WAIVED;
            service.touch(leadership);
            transitions.record(CaseService.ENTITY_TYPE, leadership.id,
                    new Transitions.Step<>(CaseStatus.OPEN, CaseStatus.WAIVED, waiveReason));
        }
        // The termination is of the two-committees posts (wherever held), not of every post in the unit.
        decisions.record(violation, new DecisionWrite(Set.of(Measure.TERMINATION_OF_POST), day, summary), null);
        posts.endHeldPosts(officialId, null, PostRole.TWO_COMMITTEES_MEMBER, day);
        violation.status = CaseStatus.DECIDED;
        service.touch(violation);
        transitions.record(CaseService.ENTITY_TYPE, violation.id,
                new Transitions.Step<>(CaseStatus.OPEN, CaseStatus.DECIDED, null));
        audit.record("DECIDE", CaseService.ENTITY_TYPE, violation.id, null, views.of(violation));
        return violation.id;
    }
}
