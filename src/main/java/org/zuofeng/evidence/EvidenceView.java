package org.zuofeng.evidence;

import org.zuofeng.common.concurrency.Versioned;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Evidence metadata as the API shows it; the bytes are at {@code /api/v1/evidence/{id}/content}. */
public record EvidenceView(
        UUID id,
        UUID findingId,
        UUID inspectionId,
        UUID responseId,
        String sha256,
        long size,
        String mediaType,
        OffsetDateTime capturedAt,
        String fileName,
        Provenance provenance,
        EvidenceStatus status,
        OffsetDateTime contentDestroyedAt,
        OffsetDateTime uploadedAt,
        String uploadedBy,
        long version,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {
}
