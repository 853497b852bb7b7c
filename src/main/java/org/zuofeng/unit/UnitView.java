package org.zuofeng.unit;

import org.zuofeng.common.concurrency.Versioned;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A unit as the API shows it. */
public record UnitView(
        UUID id,
        String code,
        String name,
        UnitType type,
        UUID parentId,
        UnitStatus status,
        List<UUID> path,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {
}
