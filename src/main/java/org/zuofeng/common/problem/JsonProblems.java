package org.zuofeng.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.zuofeng.common.web.WireFormats;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a body Jackson could not read is, as a problem pointing at the member: malformed JSON or a wrong value. */
final class JsonProblems {

    private JsonProblems() {
    }

    static ProblemException from(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return new ProblemException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (mapping.getPath().isEmpty() && String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")) {
            return new ProblemException(ErrorCode.MALFORMED_JSON,
                    "The request body holds more than one JSON value; send exactly one object");
        }
        String pointer = pointer(mapping.getPath());
        String message;
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            message = "unknown property '" + unknown.getPropertyName() + "'";
        } else if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", "));
        } else if (mapping instanceof ValueInstantiationException && mapping.getCause() != null) {
            message = mapping.getCause().getMessage();
        } else if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
            message = expectation(format.getTargetType());
        } else if (pointer.isEmpty()) {
            message = "a JSON object is required";
        } else {
            message = "has the wrong type";
        }
        return ProblemException.invalidField(pointer.isEmpty() ? "" : pointer, message);
    }

    private static String expectation(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "String" -> WireFormats.TEXT_EXPECTATION;
            case "BigDecimal" -> WireFormats.NUMBER_EXPECTATION;
            case "LocalDate" -> WireFormats.DATE_EXPECTATION;
            case "OffsetDateTime", "Instant" -> WireFormats.DATE_TIME_EXPECTATION;
            case "UUID" -> "must be a valid UUID";
            case "Integer", "int", "Long", "long" -> "must be a valid integer";
            case "Boolean", "boolean" -> "must be a valid boolean";
            default -> "must be a valid " + type.getSimpleName().toLowerCase(Locale.ROOT);
        };
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            pointer.append('/');
            if (ref.getFieldName() != null) {
                pointer.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                pointer.append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

}
