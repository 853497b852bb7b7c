package org.zuofeng.sync;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answer to a push: one result per mutation, in order, and the evidence the server still lacks. */
public record PushAnswer(long lastMutationId, List<Result> results, List<EvidenceMissing> evidenceMissing) {

    /**
     * A mutation's result: the record's id and version after it, the record as the server has it (on a conflict),
     * the problem (when refused); a repeat ({@code DUPLICATE}) carries the original result and its status.
     */
    public record Result(long mutationId, UUID id, SyncResultStatus status, SyncResultStatus originalStatus, Long version,
            Object current, Map<String, Object> problem) {
    }

    /** Evidence a finding declared whose bytes the server does not have yet: send them by resumable upload. */
    public record EvidenceMissing(UUID evidenceId, UUID findingId) {
    }
}
