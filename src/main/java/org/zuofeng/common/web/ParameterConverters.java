package org.zuofeng.common.web;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads path and query parameters of the API's value types, so that a malformed UUID, date, number or enum value is
 * a 400 problem naming the parameter (JAX-RS would otherwise answer 404 for path and query parameters).
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, ParameterConverters::strictUuid, Text.of("field.uuid"));
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, WireFormats::date, WireFormats.DATE_EXPECTATION);
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) converter(name, WireFormats::dateTime,
                    WireFormats.DATE_TIME_EXPECTATION);
        }
        if (rawType == String.class) {
            return (ParamConverter<T>) converter(name, WireFormats::text, WireFormats.TEXT_EXPECTATION, false);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, Text.of("field.integer"));
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf, Text.of("field.integer"));
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, ParameterConverters::strictBoolean,
                    Text.of("field.boolean"));
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(enumType.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(name, v -> Enum.valueOf(enumType, v),
                    Text.of("field.oneOf", allowed));
        }
        return null;
    }

    private static UUID strictUuid(String value) {
        if (value.length() != 36) {
            throw new IllegalArgumentException(value);
        }
        return UUID.fromString(value);
    }

    private static Boolean strictBoolean(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            } else if (annotation instanceof PathParam path) {
                return path.value();
            } else if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, Text expectation) {
        return converter(name, parse, expectation, true);
    }

    /** Texts are taken as sent; values of other types may carry surrounding blanks. */
    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, Text expectation,
            boolean trim) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(trim ? value.trim() : value);
                } catch (IllegalArgumentException | DateTimeException e) {
                    throw new WebApplicationException(ProblemException.invalidParameter(name, expectation), 400);
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }
}
