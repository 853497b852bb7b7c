package org.zuofeng.official;

import java.time.LocalDate;
import java.util.UUID;

/** A post as part of an official: where, what, since when. */
public record PostSummary(UUID id, UUID unitId, String unitName, String title, PostRole role, String responsibility,
        LocalDate startDate, LocalDate endDate) {
}
