package org.zuofeng.sync;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A device's client record, as push and pull take it: created for the caller on first use (the account's oldest
 * devices beyond {@code ZUOFENG_SYNC_MAX_DEVICES} forgotten then), owned by that account alone (403 for another),
 * held until the transaction ends, and marked seen at most once a minute.
 */
@ApplicationScoped
class SyncClients {

    private static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    private final SyncRepository sync;
    private final Caller caller;
    private final Clock clock;
    private final int maxDevices;

    SyncClients(SyncRepository sync, Caller caller, Clock clock, SyncConfig config) {
        this.sync = sync;
        this.caller = caller;
        this.clock = clock;
        this.maxDevices = config.maxDevices();
    }

    SyncClient own(UUID clientId) {
        Instant now = clock.instant();
        SyncRepository.Locked held = sync.lock(clientId, caller.subject(), now);
        SyncClient client = held.client();
        if (!client.subject.equals(caller.subject())) {
            throw new ProblemException(ErrorCode.FORBIDDEN, Text.of("sync.clientidBelongsAnotherAccountApp"));
        }
        if (held.created()) {
            sync.forgetBeyond(client.subject, maxDevices);
        } else if (client.seenAt.isBefore(now.minus(SEEN_EVERY))) {
            client.seenAt = now;
        }
        return client;
    }
}
