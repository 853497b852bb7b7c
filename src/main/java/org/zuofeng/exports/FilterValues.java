package org.zuofeng.exports;

import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The filters of an export, read as the list endpoint reads its query parameters: each by its name and type, a
 * value of the wrong form refused at once (400 at {@code /filters/<name>}), before anything is read.
 */
final class FilterValues {

    private final Map<String, String> values;

    FilterValues(Map<String, String> values) {
        this.values = values;
    }

    String text(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    UUID uuid(String name) {
        return parse(name, "a UUID", UUID::fromString);
    }

    Boolean bool(String name) {
        return parse(name, "true or false", v -> switch (v) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(v);
        });
    }

    /** A boolean filter that is false when absent. */
    boolean flag(String name) {
        return Boolean.TRUE.equals(bool(name));
    }

    Integer integer(String name) {
        return parse(name, "an integer", Integer::valueOf);
    }

    LocalDate date(String name) {
        return parse(name, "a date (YYYY-MM-DD)", LocalDate::parse);
    }

    OffsetDateTime time(String name) {
        return parse(name, "an RFC 3339 time with its offset", OffsetDateTime::parse);
    }

    <E extends Enum<E>> E enumOf(String name, Class<E> type) {
        return parse(name, "one of " + Arrays.toString(type.getEnumConstants()), v -> Enum.valueOf(type, v));
    }

    /** A comma-separated set of enum values, as multi-valued list filters take them; empty when absent. */
    <E extends Enum<E>> Set<E> enums(String name, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        String raw = text(name);
        if (raw == null) {
            return values;
        }
        for (String token : raw.split(",")) {
            values.add(parse(name, "a comma-separated list of " + Arrays.toString(type.getEnumConstants()),
                    v -> Enum.valueOf(type, token.trim())));
        }
        return values;
    }

    private interface Parser<T> {
        T parse(String value);
    }

    private <T> T parse(String name, String expected, Parser<T> parser) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return parser.parse(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemException.invalidField("/filters/" + name, Text.of("field.mustBe", expected));
        }
    }
}
