package org.zuofeng.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.databind.type.ReferenceType;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.JsonProblems;
import org.zuofeng.common.problem.Text;

import java.io.IOException;
import java.util.List;

/**
 * Every wire-format error of a body at once: read through {@link #collecting}, a member that is unknown, of the
 * wrong type, not one of an enum's values, not a date, ... is noted at its JSON pointer and read as absent, and the
 * reading goes on. Only {@link BodyReader}'s mapper has this module; any other read (cursors, stored records) stops at
 * the first error as usual. Malformed JSON always stops it: nothing after it can be trusted.
 */
final class WireErrors {

    private static final String ATTRIBUTE = "zuofeng.wireErrors";

    private WireErrors() {
    }

    /** {@code reader}, noting each wire-format error in {@code errors} instead of stopping at the first. */
    static ObjectReader collecting(ObjectReader reader, List<FieldError> errors) {
        return reader.withAttribute(ATTRIBUTE, errors);
    }

    /** The module that makes a collecting read go on after an error. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("zuofeng-wire-errors") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addDeserializationProblemHandler(new UnknownMembers());
            }
        };
        module.setDeserializerModifier(new Wrapping());
        return module;
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(DeserializationContext context) {
        return (List<FieldError>) context.getAttribute(ATTRIBUTE);
    }

    /** An unknown member is noted and skipped. */
    private static final class UnknownMembers extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object beanOrClass, String name) throws IOException {
            List<FieldError> errors = errors(context);
            if (errors == null) {
                return false;
            }
            errors.add(FieldError.atPointer(parser.getParsingContext().pathAsPointer().toString(),
                    Text.of("field.unknownProperty", name)));
            parser.skipChildren();
            return true;
        }
    }

    /** Each value is read by a deserializer that notes its error and reads it as absent. */
    private static final class Wrapping extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                JsonDeserializer<?> deserializer) {
            return new Noting(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config,
                com.fasterxml.jackson.databind.JavaType type, BeanDescription bean, JsonDeserializer<?> deserializer) {
            return new Noting(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyReferenceDeserializer(DeserializationConfig config, ReferenceType type,
                BeanDescription bean, JsonDeserializer<?> deserializer) {
            return new Noting(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                BeanDescription bean, JsonDeserializer<?> deserializer) {
            return new Noting(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription bean, JsonDeserializer<?> deserializer) {
            return new Noting(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                BeanDescription bean, JsonDeserializer<?> deserializer) {
            return new Noting(deserializer);
        }
    }

    private static final class Noting extends DelegatingDeserializer {

        Noting(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Noting(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            List<FieldError> errors = errors(context);
            if (errors == null) {
                return _delegatee.deserialize(parser, context);
            }
            JsonStreamContext at = parser.getParsingContext();
            String pointer = at.pathAsPointer().toString();
            boolean container = parser.currentToken() == JsonToken.START_OBJECT
                    || parser.currentToken() == JsonToken.START_ARRAY;
            int depth = depth(at);
            try {
                return _delegatee.deserialize(parser, context);
            } catch (InvalidDefinitionException e) {
                throw e;
            } catch (JsonMappingException e) {
                errors.add(JsonProblems.fieldError(e, pointer + JsonProblems.pointer(e.getPath())));
                while (container && depth(parser.getParsingContext()) >= depth && parser.nextToken() != null) {
                    // skip the rest of the value that could not be read
                }
                return _delegatee.getNullValue(context);
            }
        }

        private static int depth(JsonStreamContext context) {
            int depth = 0;
            for (JsonStreamContext c = context; c != null; c = c.getParent()) {
                depth++;
            }
            return depth;
        }
    }
}
