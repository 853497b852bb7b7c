package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.transition.Lifecycle;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.Transitions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Public notice (公示) and finality: an assessment goes out to public notice within the unit's quota of excellent
 * grades, and becomes final after the notice with every objection resolved; a village review becomes final on the
 * spot once the vote is in, and then the two-strikes rule applies ({@link TwoStrikes}).
 */
@ApplicationScoped
@Transactional
public class AssessmentLifecycle {

    static final Lifecycle<AssessmentStatus> LIFECYCLE = Lifecycle.of(AssessmentStatus.class)
            .step(AssessmentStatus.PUBLIC_NOTICE, AssessmentStatus.DRAFT)
            .step(AssessmentStatus.FINAL, AssessmentStatus.PUBLIC_NOTICE)
            .build();

    /** Village reviews are announced on the spot: no public notice. */
    static final Lifecycle<AssessmentStatus> VILLAGE = Lifecycle.of(AssessmentStatus.class)
            .step(AssessmentStatus.FINAL, AssessmentStatus.DRAFT)
            .build();

    private final AssessmentRepository assessments;
    private final SchemeRepository schemes;
    private final AssessmentService service;
    private final AssessmentViews views;
    private final TwoStrikes twoStrikes;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final Clock clock;
    private final int noticeDays;

    public AssessmentLifecycle(AssessmentRepository assessments, SchemeRepository schemes,
            AssessmentService service, AssessmentViews views, TwoStrikes twoStrikes, AuditTrail audit,
            Transitions transitions, Clock clock, AssessmentConfig config) {
        this.assessments = assessments;
        this.schemes = schemes;
        this.service = service;
        this.views = views;
        this.twoStrikes = twoStrikes;
        this.audit = audit;
        this.transitions = transitions;
        this.clock = clock;
        this.noticeDays = config.assessment().noticeDays();
    }

    /** Puts an assessment out to public notice, or makes it final. */
    public AssessmentView transition(UUID id, IfMatch ifMatch, TransitionRequest request) {
        Assessment assessment = service.visible(id);
        ifMatch.check(assessment.version);
        Lifecycle<AssessmentStatus> lifecycle = assessment.subjectType == SubjectType.VILLAGE_CADRE ? VILLAGE
                : LIFECYCLE;
        AssessmentStatus to = lifecycle.parse(request.to);
        Transitions.Step<AssessmentStatus> step = transitions.check(lifecycle, assessment.status, to, request);
        AssessmentView before = views.of(assessment);
        LocalDate today = LocalDate.now(clock);
        if (to == AssessmentStatus.PUBLIC_NOTICE) {
            requireQuota(assessment);
            assessment.noticeStart = today;
            assessment.noticeEnd = today.plusDays(noticeDays - 1L);
        } else {
            requireFinalisable(assessment, today);
        }
        assessment.status = to;
        service.touch(assessment);
        transitions.record(AssessmentService.ENTITY_TYPE, id, step);
        if (to == AssessmentStatus.FINAL) {
            twoStrikes.apply(assessment, today);
        }
        AssessmentView after = views.of(assessment);
        audit.record("TRANSITION", AssessmentService.ENTITY_TYPE, id, before, after);
        return after;
    }

    /** At most max(1, ⌊quota × assessments of the scheme in the unit⌋) excellent grades, counted under a lock. */
    private void requireQuota(Assessment assessment) {
        if (assessment.grade != Grade.EXCELLENT) {
            return;
        }
        AssessmentScheme scheme = schemes.findForUpdate(assessment.schemeId).orElseThrow();
        long subjects = assessments.countInUnit(scheme.id, assessment.unitId);
        long allowed = Math.max(1, scheme.excellentQuota.multiply(BigDecimal.valueOf(subjects))
                .setScale(0, RoundingMode.FLOOR).longValue());
        long taken = assessments.countExcellentShown(scheme.id, assessment.unitId);
        if (taken + 1 > allowed) {
            throw new ProblemException(ErrorCode.EXCELLENT_QUOTA_EXCEEDED,
                    Text.of("assessment.unitMayHaveExcellentGrade", allowed, subjects, taken)).with("allowed",
                    allowed).with("taken", taken);
        }
    }

    private void requireFinalisable(Assessment assessment, LocalDate today) {
        if (assessment.subjectType == SubjectType.VILLAGE_CADRE) {
            if (assessment.publicReview == null || assessment.publicReview.votes().valid() == 0) {
                throw new ProblemException(ErrorCode.VOTES_MISSING, Text.of("assessment.recordPublicReviewSVotes"));
            }
            return;
        }
        if (!today.isAfter(assessment.noticeEnd)) {
            throw new ProblemException(ErrorCode.NOTICE_WINDOW_OPEN, Text.of("assessment.publicNoticeRunsUntil",
                    assessment.noticeEnd));
        }
        if (assessments.hasPendingObjections(assessment.id)) {
            throw new ProblemException(ErrorCode.OBJECTIONS_PENDING, Text.of("assessment.resolveEveryObjectionFirst"));
        }
    }
}
