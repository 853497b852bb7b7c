package org.zuofeng.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.zuofeng.common.persistence.AuditedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One problem recorded during an inspection, about a unit and, where known, the officials involved. */
@Entity
@Table(name = "findings")
public class Finding extends AuditedEntity {

    @Column(name = "inspection_id", nullable = false, updatable = false)
    public UUID inspectionId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "official_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] officialIds = new UUID[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingCategory category;

    /** The defect names, as text (the column's check constraint holds them to {@link Defect}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(16)[]")
    public String[] defects = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 10_000)
    public String description;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Column(precision = 9, scale = 6)
    public BigDecimal latitude;

    @Column(precision = 9, scale = 6)
    public BigDecimal longitude;

    @Column(length = 500)
    public String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingStatus status;

    /** Digest of the create request, to answer a client's repeated create under the same id. */
    @Column(name = "create_request_hash", nullable = false, updatable = false)
    public String createRequestHash;
}
