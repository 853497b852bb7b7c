package org.zuofeng.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.Instant;
import java.util.UUID;

/** An objection raised while an assessment is in public notice, resolved once. */
@Entity
@Table(name = "assessment_objections")
public class Objection extends AuditedEntity {

    @Column(name = "assessment_id", nullable = false, updatable = false)
    public UUID assessmentId;

    @Column(nullable = false, updatable = false, length = 10_000)
    public String text;

    @Column(name = "raised_by", nullable = false, updatable = false, length = 200)
    public String raisedBy;

    @Enumerated(EnumType.STRING)
    public ObjectionOutcome outcome;

    @Column(length = 10_000)
    public String reason;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;
}
