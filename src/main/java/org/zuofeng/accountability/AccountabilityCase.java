package org.zuofeng.accountability;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.zuofeng.common.persistence.AuditedEntity;
import org.zuofeng.official.PostRole;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * An accountability case (问责): the violator's, or a leader's for failing to supervise, linked to the violation
 * case that opened it (一案双查).
 */
@Entity
@Table(name = "accountability_cases")
public class AccountabilityCase extends AuditedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public CaseKind kind;

    @Column(name = "subject_official_id", nullable = false, updatable = false)
    public UUID subjectOfficialId;

    /** Where the conduct happened. */
    @Column(name = "unit_id", nullable = false, updatable = false)
    public UUID unitId;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    public LocalDate occurredOn;

    @Column(name = "source_notice_id", updatable = false)
    public UUID sourceNoticeId;

    @Column(length = 10_000)
    public String summary;

    /** The area of responsibility where the violation arose; null when not said. */
    @Column(length = 200, updatable = false)
    public String area;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    /** For a leadership case opened with a violation case: that case. */
    @Column(name = "violation_case_id", updatable = false)
    public UUID violationCaseId;

    /** For a leadership case opened with a violation case: the leader's role in the unit that day. */
    @Enumerated(EnumType.STRING)
    @Column(name = "leader_role", updatable = false)
    public PostRole leaderRole;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_source_findings", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "finding_id", nullable = false)
    public Set<UUID> sourceFindingIds = new LinkedHashSet<>();

    /** The assessments behind a case the two-strikes rule opened. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_source_assessments", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "assessment_id", nullable = false)
    public Set<UUID> sourceAssessmentIds = new LinkedHashSet<>();
}
