package org.zuofeng.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.LocalDate;
import java.util.UUID;

/** The subject's appeal (申诉) against a decision, entered by the commission, resolved once. */
@Entity
@Table(name = "case_appeals")
public class CaseAppeal extends AuditedEntity {

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Column(name = "decision_id", nullable = false, updatable = false)
    public UUID decisionId;

    @Column(nullable = false, updatable = false, length = 10_000)
    public String text;

    @Column(name = "filed_on", nullable = false, updatable = false)
    public LocalDate filedOn;

    @Enumerated(EnumType.STRING)
    public AppealOutcome outcome;

    @Column(length = 10_000)
    public String reason;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    @Column(name = "revised_decision_id")
    public UUID revisedDecisionId;
}
