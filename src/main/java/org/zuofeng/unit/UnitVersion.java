package org.zuofeng.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * A unit as it was from {@code validFrom} (null: since before anything was recorded) until {@code validUntil}
 * (exclusive; null: still so). Written only by the database, when a unit changes; read here.
 */
@Entity
@Immutable
@Table(name = "unit_versions")
public class UnitVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitType type;

    @Column(name = "parent_id")
    public UUID parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "uuid[]")
    public UUID[] path;

    /** Whether this version was the unit at {@code instant}. */
    boolean heldAt(Instant instant) {
        return (validFrom == null || !validFrom.isAfter(instant))
                && (validUntil == null || validUntil.isAfter(instant));
    }
}
