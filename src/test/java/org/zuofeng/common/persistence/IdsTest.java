package org.zuofeng.common.persistence;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server-made ids are version 7 UUIDs that sort in the order they were made. */
class IdsTest {

    @Test
    void idsMadeInTheSameMillisecondStillSortInTheOrderTheyWereMade() {
        Instant sameMillisecond = Instant.parse("2026-11-26T01:30:00.123Z");
        Ids.Sequence ids = new Ids.Sequence();
        List<UUID> made = new ArrayList<>();
        for (int n = 0; n < 10_000; n++) {
            made.add(ids.next(sameMillisecond));
        }
        for (int n = 1; n < made.size(); n++) {
            assertTrue(unsignedCompare(made.get(n - 1), made.get(n)) < 0, "id " + n + " sorts after id " + (n - 1));
        }
        assertEquals(7, made.get(0).version());
        assertEquals(2, made.get(0).variant());
        assertEquals(sameMillisecond.toEpochMilli(), made.get(0).getMostSignificantBits() >>> 16);
    }

    @Test
    void aClockThatGoesBackDoesNotMakeAnEarlierId() {
        Ids.Sequence ids = new Ids.Sequence();
        UUID later = ids.next(Instant.parse("2026-11-26T01:30:01Z"));
        UUID afterClockWentBack = ids.next(Instant.parse("2026-11-26T01:29:59Z"));
        assertTrue(unsignedCompare(later, afterClockWentBack) < 0);
    }

    /** How PostgreSQL orders uuids: byte by byte, unsigned. */
    private static int unsignedCompare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
