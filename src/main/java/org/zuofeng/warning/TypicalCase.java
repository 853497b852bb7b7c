package org.zuofeng.warning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.Instant;
import java.util.UUID;

/** A typical case for warning education, written from a decided accountability case; fixed once published. */
@Entity
@Table(name = "typical_cases")
public class TypicalCase extends AuditedEntity {

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String narrative;

    @Column(nullable = false)
    public String violation;

    @Column(nullable = false)
    public String measure;

    @Column(nullable = false)
    public String lesson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TypicalCaseStatus status;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "approved_by")
    public String approvedBy;
}
