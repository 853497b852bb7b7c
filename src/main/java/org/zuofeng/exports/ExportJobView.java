package org.zuofeng.exports;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An export job as the API shows it: {@code progress} is the rows written so far, {@code rowCount} the whole when
 * done; the file can be fetched until {@code expiresAt}.
 */
public record ExportJobView(UUID id, ExportEntity entity, ExportFormat format, Map<String, String> filters,
        ExportStatus status, long progress, Long rowCount, String error, OffsetDateTime createdAt,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime expiresAt) {
}
