package org.zuofeng.common.problem;

/**
 * One invalid input: a body member (JSON pointer, RFC 6901) or a path/query/header parameter, and what is wrong.
 */
public record FieldError(String pointer, String parameter, String message) {

    public static FieldError atPointer(String pointer, String message) {
        return new FieldError(pointer, null, message);
    }

    public static FieldError atParameter(String parameter, String message) {
        return new FieldError(null, parameter, message);
    }
}
