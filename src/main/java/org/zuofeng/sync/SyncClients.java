package org.zuofeng.sync;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.Caller;

import java.time.Clock;
import java.util.UUID;

/**
 * A device's client record, as push and pull take it: created for the caller on first use, owned by that account
 * alone (403 for another), locked until the transaction ends, and marked seen.
 */
@ApplicationScoped
class SyncClients {

    private final SyncRepository sync;
    private final Caller caller;
    private final Clock clock;

    SyncClients(SyncRepository sync, Caller caller, Clock clock) {
        this.sync = sync;
        this.caller = caller;
        this.clock = clock;
    }

    SyncClient own(UUID clientId) {
        SyncClient client = sync.lock(clientId, caller.subject(), clock.instant());
        if (!client.subject.equals(caller.subject())) {
            throw new ProblemException(ErrorCode.FORBIDDEN, "This clientId belongs to another account; an app "
                    + "installation makes its own");
        }
        client.seenAt = clock.instant();
        return client;
    }
}
