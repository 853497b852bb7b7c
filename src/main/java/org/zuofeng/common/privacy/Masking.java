package org.zuofeng.common.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/** Masks personal data: the rules, and the Jackson introspector that applies them to {@link PersonalData} members. */
public final class Masking {

    private Masking() {
    }

    public static String mask(PersonalData.Kind kind, String value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case ID_NUMBER -> keep(value, 6, 4);
            case PHONE -> keep(value, 3, 4);
        };
    }

    private static String keep(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }

    /** An introspector that serialises every {@link PersonalData} member masked. */
    public static class MaskingIntrospector extends JacksonAnnotationIntrospector {

        @Override
        public Object findSerializer(Annotated annotated) {
            PersonalData personal = annotated.getAnnotation(PersonalData.class);
            if (personal != null) {
                return new MaskedSerializer(personal.value());
            }
            return super.findSerializer(annotated);
        }
    }

    static final class MaskedSerializer extends StdSerializer<Object> {

        private final PersonalData.Kind kind;

        MaskedSerializer(PersonalData.Kind kind) {
            super(Object.class);
            this.kind = kind;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(mask(kind, String.valueOf(value)));
        }
    }
}
