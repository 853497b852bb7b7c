package org.zuofeng.official;

import org.zuofeng.common.concurrency.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A post as the API shows it; {@code active} tells whether it is held today. */
public record PostView(
        UUID id,
        UUID officialId,
        UUID unitId,
        String unitName,
        String title,
        PostRole role,
        String responsibility,
        LocalDate startDate,
        LocalDate endDate,
        boolean active,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {
}
