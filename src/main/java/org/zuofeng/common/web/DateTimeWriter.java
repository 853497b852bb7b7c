package org.zuofeng.common.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JacksonStdImpl;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes a date-time exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does ({@code 2026-03-01T09:30:00+08:00},
 * a fraction only when there is one, without its trailing zeros; {@code Z} for UTC), straight into a buffer: a page of
 * 500 findings writes 1,500 of them, and the formatter's general machinery was a tenth of the page's CPU. A year
 * outside 0000–9999 or an offset with seconds goes through the formatter. Marked as one of Jackson's own writers, so that
 * Blackbird reads a record's date-times through its generated accessors ({@link WireJson}).
 */
@JacksonStdImpl
final class DateTimeWriter extends StdScalarSerializer<OffsetDateTime> {

    static final int MAX_LENGTH = 35;

    DateTimeWriter() {
        super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
            throws IOException {
        char[] text = new char[MAX_LENGTH];
        int length = write(value, text);
        if (length < 0) {
            generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        } else {
            generator.writeString(text, 0, length);
        }
    }

    /** Writes {@code value} into {@code text}; answers the length, or -1 when the formatter must write it. */
    static int write(OffsetDateTime value, char[] text) {
        int year = value.getYear();
        int offset = value.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offset % 60 != 0) {
            return -1;
        }
        int at = digits(text, 0, year, 4);
        text[at++] = '-';
        at = digits(text, at, value.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, value.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, value.getHour(), 2);
        text[at++] = ':';
        at = digits(text, at, value.getMinute(), 2);
        text[at++] = ':';
        at = digits(text, at, value.getSecond(), 2);
        int nano = value.getNano();
        if (nano != 0) {
            int width = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                width--;
            }
            text[at++] = '.';
            at = digits(text, at, nano, width);
        }
        if (offset == 0) {
            text[at++] = 'Z';
            return at;
        }
        text[at++] = offset < 0 ? '-' : '+';
        int minutes = Math.abs(offset) / 60;
        at = digits(text, at, minutes / 60, 2);
        text[at++] = ':';
        return digits(text, at, minutes % 60, 2);
    }

    /** {@code value} in {@code width} digits, zero-padded, at {@code at}; answers where the next character goes. */
    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
