package org.zuofeng.common.transition;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A step of a record's history as the API shows it. */
public record TransitionView(UUID id, String from, String to, String note, String actor,
        OffsetDateTime occurredAt) {
}
