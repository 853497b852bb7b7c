package org.zuofeng.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A unit that went into another at an instant: merged into it, or split into it and others. Never changed. */
@Entity
@Table(name = "unit_successions")
@IdClass(UnitSuccession.Key.class)
public class UnitSuccession {

    /** The two units of a succession. */
    public record Key(UUID predecessorId, UUID successorId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "predecessor_id")
    public UUID predecessorId;

    @Id
    @Column(name = "successor_id")
    public UUID successorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SuccessionKind kind;

    @Column(name = "effective_at", nullable = false)
    public Instant effectiveAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
