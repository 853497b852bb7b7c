package org.zuofeng.assessment;

import org.zuofeng.common.concurrency.Versioned;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An assessment as the API shows it, with the server's total and grade. */
public record AssessmentView(
        UUID id,
        UUID schemeId,
        int year,
        SubjectType subjectType,
        UUID officialId,
        String subjectName,
        UUID unitId,
        String unitName,
        List<SchemeParts.Score> scores,
        SchemeParts.PublicReview publicReview,
        BigDecimal totalScore,
        Grade grade,
        AssessmentStatus status,
        LocalDate noticeStart,
        LocalDate noticeEnd,
        List<ObjectionView> objections,
        boolean rewardEligible,
        UUID terminationCaseId,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {

    /** An objection and, once resolved, its outcome. */
    public record ObjectionView(UUID id, String text, String raisedBy, OffsetDateTime raisedAt,
            ObjectionOutcome outcome, String reason, OffsetDateTime resolvedAt, String resolvedBy) {
    }
}
