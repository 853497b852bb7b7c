package org.zuofeng.finding;

import org.zuofeng.common.concurrency.Versioned;
import org.zuofeng.evidence.EvidenceSummary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A finding as the API shows it, with its unit named as it was when observed, and its (active) evidence. */
public record FindingView(
        UUID id,
        UUID inspectionId,
        UUID unitId,
        String unitName,
        List<UUID> officialIds,
        FindingCategory category,
        List<Defect> defects,
        Severity severity,
        String title,
        String description,
        OffsetDateTime observedAt,
        FindingWrite.Location location,
        FindingStatus status,
        List<EvidenceSummary> evidence,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {
}
