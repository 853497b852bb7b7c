package org.zuofeng.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.zuofeng.common.changes.ChangePosition;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
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
    private static final int TAG_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

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
        try {
            byte[] payload = JSON.writeValueAsBytes(this);
            byte[] tag = keys.mac(PURPOSE, signed(payload, clientId, subject));
            byte[] cursor = Arrays.copyOf(payload, payload.length + TAG_BYTES);
            System.arraycopy(tag, 0, cursor, payload.length, TAG_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot encode a sync cursor", e);
        }
    }

    static SyncCursor decode(String cursor, ServerKeys keys, UUID clientId, String subject) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length <= TAG_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(bytes, bytes.length - TAG_BYTES, bytes.length);
        if (!keys.verify(PURPOSE, signed(payload, clientId, subject), tag)) {
            throw invalid();
        }
        try {
            SyncCursor decoded = JSON.readValue(payload, SyncCursor.class);
            if (!SNAPSHOT.equals(decoded.mode) && !REMOVALS.equals(decoded.mode) && !LOG.equals(decoded.mode)) {
                throw invalid();
            }
            return decoded;
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw invalid();
        }
    }

    private static byte[] signed(byte[] payload, UUID clientId, String subject) {
        byte[] prefix = (clientId + "\n" + subject + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(prefix, prefix.length + payload.length);
        System.arraycopy(payload, 0, signed, prefix.length, payload.length);
        return signed;
    }

    private static ProblemException invalid() {
        return new ProblemException(ErrorCode.INVALID_CURSOR, "The cursor was not made by this server for this "
                + "client and account; pull without it to take a new snapshot");
    }
}
