package org.zuofeng.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One row of the append-only audit log: who did what to which record, when, and its images before and after. */
@Entity
@Immutable
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id")
    public UUID entityId;

    /** For a read of several records, all their ids. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "entity_ids", columnDefinition = "uuid[]")
    public UUID[] entityIds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_image")
    public JsonNode before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_image")
    public JsonNode after;

    /** The server's id of the request that made the event. */
    @Column(name = "request_id")
    public String requestId;

    /** The {@code X-Request-Id} the client sent, as it sent it: the client's word, kept beside the server's id. */
    @Column(name = "client_request_id")
    public String clientRequestId;

    @Column(name = "trace_id")
    public String traceId;
}
