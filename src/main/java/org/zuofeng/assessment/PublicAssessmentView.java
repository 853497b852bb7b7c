package org.zuofeng.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An assessment as published: in public notice (with its notice window and total) or final (with the post title).
 * A name, a unit, a grade; nothing personal beyond that.
 */
public record PublicAssessmentView(UUID id, int year, SubjectType subjectType, String schemeName, String name,
        String unitName, String postTitle, Grade grade, BigDecimal totalScore, LocalDate noticeStart,
        LocalDate noticeEnd) {
}
