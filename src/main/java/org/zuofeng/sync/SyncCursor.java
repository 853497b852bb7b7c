package org.zuofeng.sync;

import org.zuofeng.common.changelog.ChangePosition;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.crypto.SignedCursors;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a device's pull stands, signed and bound to its client and subject: in a snapshot (which kind, and the list
 * cursor within it), in the removals that end a snapshot, or in the change log; the snapshot's generation; and when
 * it was made, for the retention of changes.
 *
 * @param generation the snapshot generation the device's copy belongs to
 * @param mode {@code S} snapshot, {@code R} removals after a snapshot, {@code L} the change log
 * @param kind the index of the kind being snapshotted (mode {@code S})
 * @param inner the list cursor within that kind (mode {@code S}), null at its first page
 * @param xid the change log position's transaction id (mode {@code L}), or where the snapshot began (modes S, R)
 * @param position the change log position within that transaction (mode {@code L})
 * @param issuedAt when the cursor was made, in epoch seconds
 */
record SyncCursor(int generation, String mode, int kind, String inner, long xid, long position, long issuedAt) {

    private static final String PURPOSE = "sync-cursor";

    static final String SNAPSHOT = "S";
    static final String REMOVALS = "R";
    static final String LOG = "L";

    ChangePosition logPosition() {
        return new ChangePosition(xid, position);
    }

    Instant issued() {
        return Instant.ofEpochSecond(issuedAt);
    }

    String encode(ServerKeys keys, UUID clientId, String subject) {
        return SignedCursors.encode(keys, PURPOSE, this, clientId + "\n" + subject);
    }

    static SyncCursor decode(String cursor, ServerKeys keys, UUID clientId, String subject) {
        return SignedCursors.decode(keys, PURPOSE, cursor, clientId + "\n" + subject, SyncCursor.class)
                .filter(c -> SNAPSHOT.equals(c.mode) || REMOVALS.equals(c.mode) || LOG.equals(c.mode))
                .orElseThrow(SyncCursor::invalid);
    }

    private static ProblemException invalid() {
        return new ProblemException(ErrorCode.INVALID_CURSOR, Text.of("sync.cursorWasMadeServerClient"));
    }
}
