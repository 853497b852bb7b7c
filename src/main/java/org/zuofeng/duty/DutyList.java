package org.zuofeng.duty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One version of one of a unit's lists: a draft, or published with its number (never changed again). */
@Entity
@Table(name = "duty_lists")
public class DutyList extends AuditedEntity {

    @Column(name = "unit_id", nullable = false, updatable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public DutyListKind kind;

    /** The version's number among the published ones (1, 2, …); none for a draft. */
    public Integer number;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DutyListStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DutyItem> items;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;
}
