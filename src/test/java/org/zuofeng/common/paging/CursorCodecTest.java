package org.zuofeng.common.paging;

import org.junit.jupiter.api.Test;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Even a cursor signed with the server's key carries only keys the wire rules accept. */
class CursorCodecTest {

    record Row(UUID id, Instant at, String name, LocalDate day) {
    }

    private static final Sorting<Row> SORTING = new Sorting<>("at",
            SortField.of("id", "id", Row::id, UUID.class),
            SortField.of("at", "at", Row::at, Instant.class),
            SortField.of("name", "name", Row::name, String.class),
            SortField.of("day", "day", Row::day, LocalDate.class));

    private final CursorCodec codec = new CursorCodec(new ServerKeys("a".repeat(32)));

    @Test
    void aCursorReadsBackItsKeysForItsOwnBindingOnly() {
        var orders = SORTING.parse("at,name,day");
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-26T01:30:00.123456Z");
        String cursor = codec.encode("caller@Row?#+at", List.of(at, "张三", LocalDate.of(2026, 1, 2), id));
        assertEquals(List.of(at, "张三", LocalDate.of(2026, 1, 2), id), codec.decode(cursor, "caller@Row?#+at",
                orders));
        assertThrows(ProblemException.class, () -> codec.decode(cursor, "other@Row?#+at", orders));
    }

    @Test
    void signedKeysOutsideTheWireRulesAreStillRefused() {
        var orders = SORTING.parse("at,name,day");
        for (List<Object> keys : List.of(
                List.<Object>of("+999999999-12-31T23:59:59Z", "n", "2026-01-01", UUID.randomUUID()),
                List.<Object>of("2026-11-26T01:30:00Z", "a\u0000b", "2026-01-01", UUID.randomUUID()),
                List.<Object>of("2026-11-26T01:30:00Z", "n", "+999999999-12-31", UUID.randomUUID()),
                List.<Object>of("2026-11-26T01:30:00Z", "n", "2026-01-01", "ffffffff-ffff-ffff-ffff-fffffffffffff"))) {
            String cursor = codec.encode("b", keys);
            ProblemException refused = assertThrows(ProblemException.class, () -> codec.decode(cursor, "b", orders));
            assertEquals("INVALID_CURSOR", refused.code().name());
        }
    }
}
