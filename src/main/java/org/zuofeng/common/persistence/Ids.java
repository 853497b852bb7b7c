package org.zuofeng.common.persistence;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562) identifiers for everything the server creates: unique, and strictly ordered by creation
 * within this process, even for ids made in the same millisecond, so that keyset pages break ties on id in
 * creation order.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Sequence SEQUENCE = new Sequence();

    private Ids() {
    }

    public static UUID newId() {
        return SEQUENCE.next(Instant.now());
    }

    /**
     * RFC 9562 §6.2, method 1: the 12 bits after the millisecond timestamp count up from a random start; when they
     * run out, or the clock goes back, the next id borrows the following millisecond rather than sort too early.
     */
    static final class Sequence {
        private static final int COUNTER_BITS = 12;

        private long lastMillis = -1;
        private long counter;

        synchronized UUID next(Instant at) {
            long now = at.toEpochMilli();
            if (now > lastMillis) {
                lastMillis = now;
                counter = RANDOM.nextInt(1 << (COUNTER_BITS - 1));
            } else if (++counter == 1 << COUNTER_BITS) {
                lastMillis++;
                counter = 0;
            }
            long msb = (lastMillis << 16) | 0x7000L | counter;
            long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            return new UUID(msb, lsb);
        }
    }
}
