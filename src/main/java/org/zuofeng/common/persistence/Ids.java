package org.zuofeng.common.persistence;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** UUID version 7 (RFC 9562) identifiers for everything the server creates: unique, and ordered by creation time. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        return newId(Instant.now());
    }

    static UUID newId(Instant at) {
        long millis = at.toEpochMilli();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
