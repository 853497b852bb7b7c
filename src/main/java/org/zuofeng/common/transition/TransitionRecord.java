package org.zuofeng.common.transition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** One step in the life of a record: who moved it from which state to which, when, and why. Append-only. */
@Entity
@Immutable
@Table(name = "transitions")
public class TransitionRecord {

    @Id
    public UUID id;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public UUID entityId;

    @Column(name = "from_status", nullable = false)
    public String from;

    @Column(name = "to_status", nullable = false)
    public String to;

    public String note;

    @Column(nullable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "request_id")
    public String requestId;
}
