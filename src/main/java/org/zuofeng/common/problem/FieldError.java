package org.zuofeng.common.problem;

/**
 * One invalid input: a body member (JSON pointer, RFC 6901) or a path/query/header parameter, what is wrong (a
 * {@link Text} of the problem bundle, rendered in the caller's language), and where a check names it precisely, a
 * code for the kind of error (e.g. {@code ID_NUMBER_CHECK_DIGIT}).
 */
public record FieldError(String pointer, String parameter, Text message, String code) {

    public static FieldError atPointer(String pointer, Text message) {
        return new FieldError(pointer, null, message, null);
    }

    public static FieldError atParameter(String parameter, Text message) {
        return new FieldError(null, parameter, message, null);
    }

    /** The same error for a body nested at {@code prefix} (a JSON pointer) of a larger one. */
    public FieldError under(String prefix) {
        return pointer == null ? this : new FieldError(prefix + pointer, parameter, message, code);
    }

    /** The error as a problem's {@code errors} lists it, its message in Chinese or English. */
    public Rendered in(boolean chinese) {
        return new Rendered(pointer, parameter, message.in(chinese), code);
    }

    /** One item of a problem's {@code errors}. */
    public record Rendered(String pointer, String parameter, String message, String code) {
    }
}
