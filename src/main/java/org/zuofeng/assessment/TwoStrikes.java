package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.accountability.Terminations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Two consecutive 不称职 of a village two-committees member: their two-committees posts end today, and an
 * accountability case is opened and decided with termination of post, citing both assessments. The other year of
 * the run is the one before, or the one after when this year's review became final late (an objection held it
 * up); either way the review made final now completes the run and carries the case. Once per run.
 */
@ApplicationScoped
class TwoStrikes {

    static final String TERMINATION_REASON = "termination by public review";

    private final AssessmentRepository assessments;
    private final Terminations terminations;

    TwoStrikes(AssessmentRepository assessments, Terminations terminations) {
        this.assessments = assessments;
        this.terminations = terminations;
    }

    /** Applies the rule to an assessment just made final (in the same transaction). */
    void apply(Assessment assessment, LocalDate today) {
        if (assessment.subjectType != SubjectType.VILLAGE_CADRE || assessment.grade != Grade.INCOMPETENT
                || assessment.terminationCaseId != null) {
            return;
        }
        // Serialised per official until commit: of two years made final at once, the second to get here sees the
        // first as final (each statement reads what is committed), so the run is found exactly once.
        assessments.lockTwoStrikesOf(assessment.officialId);
        Optional<Assessment> earlier = assessments.finalVillageAssessment(assessment.officialId, assessment.year - 1)
                .filter(previous -> previous.grade == Grade.INCOMPETENT);
        Optional<Assessment> later = assessments.finalVillageAssessment(assessment.officialId, assessment.year + 1)
                .filter(next -> next.grade == Grade.INCOMPETENT && next.terminationCaseId == null);
        earlier.map(previous -> List.of(previous, assessment))
                .or(() -> later.map(next -> List.of(assessment, next)))
                .ifPresent(run -> {
                    Assessment first = run.get(0);
                    Assessment second = run.get(1);
                    assessment.terminationCaseId = terminations.recordByPublicReview(assessment.officialId,
                            assessment.unitId, today, List.of(first.id, second.id),
                            "Two consecutive INCOMPETENT public reviews (" + first.year + ", " + second.year
                                    + "): assessments " + first.id + " and " + second.id,
                            TERMINATION_REASON);
                    assessments.flush();
                });
    }
}
