package org.zuofeng.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JacksonStdImpl;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.UUIDSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateSerializer;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

/**
 * JSON bodies are read as strictly as the contract is written: one JSON value and nothing after it, each member
 * once (RFC 8259 leaves duplicates to the reader; here they are an error, not "last wins"), a date or date-time only
 * as an RFC 3339 string, a text only as a JSON string of characters {@link WireFormats#text} accepts, a number only as
 * itself and within binary64 range (RFC 7493), a boolean only as itself, an integer never from a fraction. Anything
 * else is a 400 problem pointing at the field; a request body gets every such problem at once ({@link WireErrors}).
 * Answers are written lean: a date-time by {@link DateTimeWriter}, records through generated accessors (Blackbird).
 * Blackbird reads a component through its accessor only when the component's serializer is one of Jackson's own
 * ({@code @JacksonStdImpl}), and through reflection otherwise: Jackson's writers of UUIDs and dates lack the mark, so
 * they are registered here unchanged but marked, like {@link DateTimeWriter}.
 */
@Singleton
public class WireJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule wire = new SimpleModule("zuofeng-wire");
        wire.addDeserializer(String.class, new Text());
        wire.addDeserializer(BigDecimal.class, new Decimal());
        wire.addDeserializer(LocalDate.class, new Parsed<>(LocalDate.class, WireFormats::date));
        wire.addDeserializer(OffsetDateTime.class, new Parsed<>(OffsetDateTime.class, WireFormats::dateTime));
        wire.addSerializer(OffsetDateTime.class, new DateTimeWriter());
        wire.addSerializer(UUID.class, new UuidWriter());
        wire.addSerializer(LocalDate.class, new DateWriter());
        mapper.registerModule(wire);
        mapper.registerModule(new BlackbirdModule());
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    /** Runs after Quarkus' own customizers, so that these deserializers take precedence over the defaults. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Jackson's own UUID writer, marked as one of its own. */
    @JacksonStdImpl
    static final class UuidWriter extends UUIDSerializer {
    }

    /** Jackson's own date writer (RFC 3339's {@code full-date}), marked as one of its own. */
    @JacksonStdImpl
    static final class DateWriter extends LocalDateSerializer {
    }

    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            try {
                return WireFormats.text(text);
            } catch (IllegalArgumentException e) {
                throw context.weirdStringException(text, String.class,
                        WireFormats.TEXT_EXPECTATION.toString());
            }
        }
    }

    private static final class Decimal extends StdScalarDeserializer<BigDecimal> {

        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            try {
                return WireFormats.number(value);
            } catch (IllegalArgumentException e) {
                throw context.weirdNumberException(value, BigDecimal.class,
                        WireFormats.NUMBER_EXPECTATION.toString());
            }
        }
    }

    private static final class Parsed<T> extends StdScalarDeserializer<T> {

        private final Function<String, T> parse;

        Parsed(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            try {
                return parse.apply(text);
            } catch (DateTimeException e) {
                throw context.weirdStringException(text, handledType(), e.getMessage());
            }
        }
    }
}
