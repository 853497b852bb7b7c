package org.zuofeng.integration;

import org.zuofeng.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
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
        return parse(name, "one of " + java.util.Arrays.toString(type.getEnumConstants()),
                v -> Enum.valueOf(type, v));
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
            throw ProblemException.invalidField("/filters/" + name, "must be " + expected);
        }
    }
}
