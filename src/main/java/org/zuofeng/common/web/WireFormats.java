package org.zuofeng.common.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * What the API reads as a date, a date-time and a text, wherever it comes from (JSON body, query, path or header):
 * exactly what the contract says (RFC 3339: four-digit years, seconds always present), and only values PostgreSQL
 * can store, so that a hostile value is a 400 naming the field, never a failure in the database.
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

    public static final String DATE_EXPECTATION = "must be a date (YYYY-MM-DD)";
    public static final String DATE_TIME_EXPECTATION =
            "must be an RFC 3339 date-time with offset, e.g. 2026-11-26T09:30:00+08:00";
    public static final String TEXT_EXPECTATION = "must not contain the NUL character (U+0000)";

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

    /** A text as given, unless it holds U+0000, which no PostgreSQL text or jsonb value can. */
    public static String text(String text) {
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(TEXT_EXPECTATION);
        }
        return text;
    }
}
