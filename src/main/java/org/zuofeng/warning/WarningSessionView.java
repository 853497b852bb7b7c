package org.zuofeng.warning;

import org.zuofeng.common.concurrency.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A warning-education session as the API shows it. */
public record WarningSessionView(UUID id, UUID unitId, LocalDate heldOn, String title, List<UUID> typicalCaseIds,
        List<UUID> attendeeIds, long version, OffsetDateTime createdAt, String createdBy) implements Versioned {
}
