package org.zuofeng.warning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.LocalDate;
import java.util.UUID;

/** A warning-education session (警示教育) a unit held: when, on what, the typical cases studied, who attended. */
@Entity
@Table(name = "warning_sessions")
public class WarningSession extends AuditedEntity {

    @Column(name = "unit_id", nullable = false, updatable = false)
    public UUID unitId;

    @Column(name = "held_on", nullable = false, updatable = false)
    public LocalDate heldOn;

    @Column(nullable = false, updatable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "typical_case_ids", nullable = false, updatable = false, columnDefinition = "uuid[]")
    public UUID[] typicalCaseIds = new UUID[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attendee_ids", nullable = false, updatable = false, columnDefinition = "uuid[]")
    public UUID[] attendeeIds = new UUID[0];
}
