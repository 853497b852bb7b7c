package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.transition.Transitions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Objections to an assessment in public notice: raised while the notice runs; upheld, the assessment returns to
 * draft with the reason; dismissed, it stays. An assessment with an objection pending cannot become final.
 */
@ApplicationScoped
@Transactional
public class Objections {

    private final AssessmentRepository assessments;
    private final AssessmentService service;
    private final AssessmentViews views;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final Caller caller;
    private final Clock clock;

    public Objections(AssessmentRepository assessments, AssessmentService service, AssessmentViews views,
            AuditTrail audit, Transitions transitions, Caller caller, Clock clock) {
        this.assessments = assessments;
        this.service = service;
        this.views = views;
        this.audit = audit;
        this.transitions = transitions;
        this.caller = caller;
        this.clock = clock;
    }

    /** An objection, while the assessment is in public notice. */
    public AssessmentView object(UUID id, ObjectionWrite write) {
        Assessment assessment = service.visible(id);
        LocalDate today = LocalDate.now(clock);
        if (assessment.status != AssessmentStatus.PUBLIC_NOTICE || today.isAfter(assessment.noticeEnd)) {
            throw new ProblemException(ErrorCode.OBJECTION_OUTSIDE_WINDOW, assessment.noticeEnd == null
                    ? Text.of("assessment.notInPublicNotice", id)
                    : Text.of("assessment.publicNoticeEnded", id, assessment.noticeEnd));
        }
        AssessmentView before = views.of(assessment);
        Objection objection = new Objection();
        objection.assessmentId = id;
        objection.text = write.text();
        objection.raisedBy = write.raisedBy();
        audit.stampCreated(objection);
        assessments.persistObjection(objection);
        service.touch(assessment);
        AssessmentView after = views.of(assessment);
        audit.record("OBJECT", AssessmentService.ENTITY_TYPE, id, before, after);
        return after;
    }

    /** Resolves an objection: upheld, the assessment returns to draft with the reason; dismissed, it stays. */
    public AssessmentView resolve(UUID id, UUID objectionId, ObjectionResolution resolution) {
        Assessment assessment = service.visible(id);
        Objection objection = assessments.findObjection(objectionId).filter(o -> o.assessmentId.equals(id))
                .orElseThrow(() -> ProblemException.notFound("objection", objectionId));
        if (objection.outcome != null) {
            throw new ProblemException(ErrorCode.OBJECTION_RESOLVED, Text.of("assessment.objectionResolved",
                    objectionId, objection.outcome));
        }
        AssessmentView before = views.of(assessment);
        objection.outcome = resolution.outcome();
        objection.reason = resolution.reason();
        objection.resolvedAt = clock.instant();
        objection.resolvedBy = caller.subject();
        audit.stampUpdated(objection);
        if (resolution.outcome() == ObjectionOutcome.UPHELD && assessment.status == AssessmentStatus.PUBLIC_NOTICE) {
            assessment.status = AssessmentStatus.DRAFT;
            assessment.noticeStart = null;
            assessment.noticeEnd = null;
            transitions.record(AssessmentService.ENTITY_TYPE, id, new Transitions.Step<>(
                    AssessmentStatus.PUBLIC_NOTICE, AssessmentStatus.DRAFT, resolution.reason()));
        }
        service.touch(assessment);
        AssessmentView after = views.of(assessment);
        audit.record("RESOLVE_OBJECTION", AssessmentService.ENTITY_TYPE, id, before, after);
        return after;
    }
}
