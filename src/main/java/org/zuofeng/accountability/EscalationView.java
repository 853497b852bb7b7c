package org.zuofeng.accountability;

import org.zuofeng.common.concurrency.Versioned;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An escalation as the API shows it: never changed once made. */
public record EscalationView(UUID id, UUID noticeId, EscalationStage stage, OffsetDateTime escalatedAt,
        List<UUID> unitIds, UUID talkId, List<UUID> caseIds) implements Versioned {

    @Override
    public long version() {
        return 0;
    }
}
