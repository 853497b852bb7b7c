package org.zuofeng.common.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An audit event as the API shows it. */
public record AuditEventView(
        UUID id,
        OffsetDateTime occurredAt,
        String actor,
        String action,
        String entityType,
        UUID entityId,
        List<UUID> entityIds,
        JsonNode before,
        JsonNode after,
        String requestId,
        String clientRequestId,
        String traceId) {
}
