package org.zuofeng.common.web;

import org.zuofeng.common.problem.Text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * What the API reads as a date, a date-time and a text, wherever it comes from (JSON body, query, path or header):
 * exactly what the contract says (RFC 3339: four-digit years, seconds always present), texts of characters a person
 * could have meant, numbers a binary64 holds, and only values PostgreSQL can store as they were sent, so that a
 * hostile value is a 400 naming the field, never a failure in the database nor a record that differs from the
 * answer.
 */
public final class WireFormats {

    /** RFC 3339 full-date. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);

    /** RFC 3339 date-time: seconds required, fraction optional, an offset or Z. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DATE).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter().withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);

    /** What each kind of value must be, as a field message of the problem bundle. */
    public static final Text DATE_EXPECTATION = Text.of("field.date");
    public static final Text DATE_TIME_EXPECTATION = Text.of("field.dateTime");
    public static final Text TEXT_EXPECTATION = Text.of("field.text");
    public static final Text NUMBER_EXPECTATION = Text.of("field.number");

    private WireFormats() {
    }

    /** A full-date; years 0000–9999 only. */
    public static LocalDate date(String text) {
        return LocalDate.from(DATE.parse(text));
    }

    /** An RFC 3339 date-time; years 0000–9999 only. */
    public static OffsetDateTime dateTime(String text) {
        return OffsetDateTime.from(DATE_TIME.parse(text));
    }

    /**
     * A text as given, if every character in it is one a person could have meant: no C0 or C1 control character but
     * tab, line feed and carriage return (U+0000 no PostgreSQL text can even hold), no bidirectional embedding,
     * override or isolate (which make a name display as something else: {@code invoice\u202Egnp.exe}), no unpaired
     * surrogate (which cannot be stored as it was sent), no noncharacter.
     */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i++);
                if (isNoncharacter(codePoint)) {
                    throw new IllegalArgumentException(TEXT_EXPECTATION.toString());
                }
            } else if (Character.isSurrogate(c) || isControl(c) || isBidiControl(c) || isNoncharacter(c)) {
                throw new IllegalArgumentException(TEXT_EXPECTATION.toString());
            }
        }
        return text;
    }

    /** Whether a text (already {@link #text valid}) fits on one line: no tab, line break or separator. */
    public static boolean singleLine(String text) {
        return text == null || text.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r'
                || c == '\u2028' || c == '\u2029' || c == '\u0085');
    }

    /**
     * A JSON number as RFC 7493 (I-JSON) lets receivers read it: within what a binary64 value holds, so that
     * {@code 1e400} is not infinity and {@code 1e-400} not silently 0.
     */
    public static BigDecimal number(BigDecimal value) {
        if (value != null && value.signum() != 0) {
            double approximation = value.doubleValue();
            if (Double.isInfinite(approximation) || approximation == 0.0) {
                throw new IllegalArgumentException(NUMBER_EXPECTATION.toString());
            }
        }
        return value;
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
    }

    private static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    private static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
