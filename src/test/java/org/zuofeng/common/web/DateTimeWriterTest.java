package org.zuofeng.common.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The date-times of every answer read exactly as the formatter of the contract's RFC 3339 would write them. */
class DateTimeWriterTest {

    private static final String[] EDGES = {"2026-03-01T09:30:00+08:00", "2026-03-01T09:30:00.1+08:00",
        "2026-03-01T09:30:00.123456789+08:00", "2026-03-01T09:30:00.000000001+08:00", "2026-12-31T23:59:59.5Z",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-12:00", "2024-02-29T00:00:00.01+05:45",
        "1970-01-01T00:00:00+14:00", "2026-06-01T12:00:00.288384-03:30"};

    @Test
    void writesEachDateTimeAsTheIsoFormatterDoes() {
        for (String edge : EDGES) {
            assertWrittenAsFormatted(OffsetDateTime.parse(edge));
        }
        SplittableRandom random = new SplittableRandom(20261207);
        long from = Instant.parse("0000-01-02T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-30T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), nano);
            assertWrittenAsFormatted(instant.atOffset(i % 5 == 0 ? ZoneOffset.UTC : offset));
        }
    }

    @Test
    void leavesToTheFormatterWhatItDoesNotWrite() {
        char[] text = new char[DateTimeWriter.MAX_LENGTH];
        assertEquals(-1, DateTimeWriter.write(OffsetDateTime.parse("+10000-01-01T00:00:00Z"), text));
        assertEquals(-1, DateTimeWriter.write(OffsetDateTime.parse("-0001-01-01T00:00:00Z"), text));
        assertEquals(-1, DateTimeWriter.write(OffsetDateTime.parse("2026-01-01T00:00:00+08:00:30"), text));
    }

    private static void assertWrittenAsFormatted(OffsetDateTime value) {
        char[] text = new char[DateTimeWriter.MAX_LENGTH];
        int length = DateTimeWriter.write(value, text);
        assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value), new String(text, 0, length));
    }
}
