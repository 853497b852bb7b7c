package org.zuofeng.imports;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An import running in the background, as the API shows it: how many rows its body holds and how many are done,
 * the count per outcome so far; each row's report is at {@code /api/v1/imports/{id}/rows}.
 */
public record ImportJobView(UUID id, ImportEntity entity, boolean dryRun, ImportStatus status, long rowCount,
        long rowsDone, Map<ImportRowStatus, Long> counts, String error, OffsetDateTime createdAt,
        OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
