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
public final class JsonProblems {

    private JsonProblems() {
    }

    static ProblemException from(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return new ProblemException(ErrorCode.MALFORMED_JSON, Text.of("json.malformed", e.getOriginalMessage()));
        }
        if (mapping.getPath().isEmpty() && String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")) {
            return new ProblemException(ErrorCode.MALFORMED_JSON, Text.of("json.trailing"));
        }
        return ProblemException.invalid(List.of(fieldError(mapping, pointer(mapping.getPath()))));
    }

    /** Whether {@code e} is malformed JSON (or more than one value): the body cannot be read at all. */
    public static boolean malformed(JsonProcessingException e) {
        return from(e).code() == ErrorCode.MALFORMED_JSON;
    }

    /** What is wrong with the member at {@code pointer} (a JSON pointer; empty for the whole body). */
    public static FieldError fieldError(JsonMappingException mapping, String pointer) {
        Text message;
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            message = Text.of("field.unknownProperty", unknown.getPropertyName());
        } else if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = Text.of("field.oneOf", Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", ")));
        } else if (mapping instanceof ValueInstantiationException && mapping.getCause() != null) {
            message = Text.of("field.rejected", mapping.getCause().getMessage());
        } else if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
            message = expectation(format.getTargetType());
        } else if (pointer.isEmpty()) {
            message = Text.of("field.objectRequired");
        } else {
            message = Text.of("field.wrongType");
        }
        return FieldError.atPointer(pointer, message);
    }

    private static Text expectation(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "String" -> WireFormats.TEXT_EXPECTATION;
            case "BigDecimal" -> WireFormats.NUMBER_EXPECTATION;
            case "LocalDate" -> WireFormats.DATE_EXPECTATION;
            case "OffsetDateTime", "Instant" -> WireFormats.DATE_TIME_EXPECTATION;
            case "UUID" -> Text.of("field.validUuid");
            case "Integer", "int", "Long", "long" -> Text.of("field.validInteger");
            case "Boolean", "boolean" -> Text.of("field.validBoolean");
            default -> Text.of("field.validType", type.getSimpleName().toLowerCase(Locale.ROOT));
        };
    }

    /** The JSON pointer (RFC 6901) of a path Jackson reports. */
    public static String pointer(List<JsonMappingException.Reference> path) {
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
