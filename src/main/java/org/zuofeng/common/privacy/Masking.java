package org.zuofeng.common.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/** Masks personal data: the rules, and the Jackson introspector that applies them to {@link PersonalData} members. */
public final class Masking {

    private static final int REGION_CODE = 6;

    private Masking() {
    }

    /** The masked form of a value, or null where the kind is left out of masked views altogether. */
    public static String mask(PersonalData.Kind kind, Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        return switch (kind) {
            case ID_NUMBER -> keep(text, REGION_CODE, 0);
            case PHONE -> keep(text, 3, 4);
            case BIRTH_DATE -> null;
        };
    }

    private static String keep(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }

    /** An introspector that serialises every {@link PersonalData} member masked, or leaves it out. */
    public static class MaskingIntrospector extends JacksonAnnotationIntrospector {

        @Override
        public Object findSerializer(Annotated annotated) {
            PersonalData personal = annotated.getAnnotation(PersonalData.class);
            if (personal != null) {
                return new MaskedSerializer(personal.value());
            }
            return super.findSerializer(annotated);
        }

        @Override
        public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
            if (annotated.hasAnnotation(PersonalData.class)) {
                return JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY);
            }
            return super.findPropertyInclusion(annotated);
        }
    }

    static final class MaskedSerializer extends StdSerializer<Object> {

        private final PersonalData.Kind kind;

        MaskedSerializer(PersonalData.Kind kind) {
            super(Object.class);
            this.kind = kind;
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Object value) {
            return mask(kind, value) == null;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(mask(kind, value));
        }
    }
}
