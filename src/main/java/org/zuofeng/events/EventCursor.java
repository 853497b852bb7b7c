package org.zuofeng.events;

import org.zuofeng.common.changelog.ChangePosition;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.crypto.SignedCursors;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.time.Instant;

/** Where a reader of the event feed stands, signed and bound to their subject, with when it was issued. */
record EventCursor(long xid, long position, long issuedAt) {

    private static final String PURPOSE = "event-cursor";

    ChangePosition after() {
        return new ChangePosition(xid, position);
    }

    Instant issued() {
        return Instant.ofEpochSecond(issuedAt);
    }

    static EventCursor at(ChangePosition position, Instant now) {
        return new EventCursor(position.xid(), position.position(), now.getEpochSecond());
    }

    String encode(ServerKeys keys, String subject) {
        return SignedCursors.encode(keys, PURPOSE, this, subject);
    }

    static EventCursor decode(String cursor, ServerKeys keys, String subject) {
        return SignedCursors.decode(keys, PURPOSE, cursor, subject, EventCursor.class)
                .orElseThrow(() -> new ProblemException(ErrorCode.INVALID_CURSOR,
                        Text.of("events.cursorWasMadeServerAccount")));
    }
}
