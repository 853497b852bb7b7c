package org.zuofeng.inspection;

import org.zuofeng.common.concurrency.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An inspection as the API shows it; {@code findingCount} counts the findings the caller may see. */
public record InspectionView(
        UUID id,
        InspectionType type,
        String title,
        String description,
        String topic,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        List<UUID> targetUnitIds,
        List<InspectionWrite.Member> team,
        InspectionStatus status,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        String summary,
        long findingCount,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {
}
