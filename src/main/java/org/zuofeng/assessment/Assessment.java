package org.zuofeng.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.zuofeng.common.persistence.AuditedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The assessment of one official, village cadre or leadership team under a scheme. */
@Entity
@Table(name = "assessments")
public class Assessment extends AuditedEntity {

    @Column(name = "scheme_id", nullable = false, updatable = false)
    public UUID schemeId;

    @Column(nullable = false, updatable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false, updatable = false)
    public SubjectType subjectType;

    @Column(name = "official_id", updatable = false)
    public UUID officialId;

    /** The team's unit, or the official's: that of their earliest-started post active when assessed. */
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<SchemeParts.Score> scores;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "public_review")
    public SchemeParts.PublicReview publicReview;

    @Column(name = "total_score", nullable = false, precision = 7, scale = 2)
    public BigDecimal totalScore;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentStatus status;

    @Column(name = "notice_start")
    public LocalDate noticeStart;

    /** The last day of public notice. */
    @Column(name = "notice_end")
    public LocalDate noticeEnd;

    /** The accountability case the two-strikes rule opened, once it fired. */
    @Column(name = "termination_case_id")
    public UUID terminationCaseId;

    /** The last day of the year assessed: a result names its unit as it was then. */
    public LocalDate yearEnd() {
        return LocalDate.of(year, 12, 31);
    }
}
