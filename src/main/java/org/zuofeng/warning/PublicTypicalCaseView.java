package org.zuofeng.warning;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A published typical case as the public reads it: its text only, nothing of the case it comes from. */
public record PublicTypicalCaseView(UUID id, String title, String narrative, String violation, String measure,
        String lesson, OffsetDateTime publishedAt) {

    static PublicTypicalCaseView of(TypicalCaseView v) {
        return new PublicTypicalCaseView(v.id(), v.title(), v.narrative(), v.violation(), v.measure(), v.lesson(),
                v.publishedAt());
    }
}
