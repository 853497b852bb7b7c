package org.zuofeng.unit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A unit's history: each version it had (oldest first), the units it succeeded and the units that succeeded it.
 */
public record UnitHistoryView(UUID unitId, List<Version> versions, List<Succession> predecessors,
        List<Succession> successors) {

    /** The unit as it was from {@code validFrom} (null: since before anything was recorded) to {@code validUntil}. */
    public record Version(OffsetDateTime validFrom, OffsetDateTime validUntil, String code, String name,
            UnitType type, UUID parentId, UnitStatus status) {
    }

    /** The other unit of a succession, how, and from which day. */
    public record Succession(UUID unitId, SuccessionKind kind, LocalDate effectiveOn) {
    }
}
