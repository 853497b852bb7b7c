package org.zuofeng.duty;

import org.zuofeng.common.concurrency.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A version of a list as the API shows it. */
public record DutyListView(UUID id, UUID unitId, DutyListKind kind, Integer number, LocalDate effectiveFrom,
        DutyListStatus status, List<DutyItem> items, OffsetDateTime publishedAt, String publishedBy, long version,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) implements Versioned {
}
