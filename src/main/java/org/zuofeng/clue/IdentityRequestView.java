package org.zuofeng.clue;

import org.zuofeng.common.concurrency.Versioned;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A request to read a reporter's identity as the requester and the custodians see it: which clue (its number and
 * title, what a custodian needs to weigh the reason), who asks and why, and the decision. Never the identity itself.
 */
public record IdentityRequestView(
        UUID id,
        UUID clueId,
        String clueNumber,
        String clueTitle,
        String requestedBy,
        String reason,
        OffsetDateTime requestedAt,
        IdentityRequestStatus status,
        String decidedBy,
        String decisionReason,
        OffsetDateTime decidedAt,
        long version) implements Versioned {
}
