package org.zuofeng.common.problem;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one exception type for every expected failure: it carries the {@link ErrorCode}, a human detail (a
 * {@link Text} of the problem bundle, rendered in the caller's language when the problem is written), field errors
 * and extension members, and is turned into an RFC 9457 problem by {@link ProblemMapper}.
 */
public class ProblemException extends RuntimeException {

    private final ErrorCode code;
    private final Text detail;
    private final int status;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(ErrorCode code, Text detail) {
        this(code, code.status(), detail, List.of(), Map.of(), Map.of());
    }

    private ProblemException(ErrorCode code, int status, Text detail, List<FieldError> errors,
            Map<String, Object> extensions, Map<String, String> headers) {
        super(null, null, false, false);
        this.code = code;
        this.detail = detail;
        this.status = status;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    /** A problem listing the inputs it is about. */
    public ProblemException(ErrorCode code, Text detail, List<FieldError> errors) {
        this(code, code.status(), detail, errors, Map.of(), Map.of());
    }

    /** A client error the HTTP layer refused with a status no problem code of its own stands for: it keeps it. */
    static ProblemException refused(int status, Text detail) {
        return new ProblemException(ErrorCode.REQUEST_REFUSED, status, detail, List.of(), Map.of(), Map.of());
    }

    /** 400 with every field error at once. */
    public static ProblemException invalid(List<FieldError> errors) {
        Text detail = errors.size() == 1 ? Text.of("problem.invalid.one") : Text.of("problem.invalid", errors.size());
        return new ProblemException(ErrorCode.VALIDATION_FAILED, detail, errors);
    }

    /** 400 for one invalid body member. */
    public static ProblemException invalidField(String pointer, Text message) {
        return invalid(List.of(FieldError.atPointer(pointer, message)));
    }

    /** 400 for a path, query or header parameter of the wrong form. */
    public static ProblemException invalidParameter(String name, Text message) {
        return new ProblemException(ErrorCode.INVALID_PARAMETER, Text.of("problem.invalidParameter", name, message),
                List.of(FieldError.atParameter(name, message)));
    }

    /** 401 without a token: the challenge names the scheme only, as RFC 6750 asks of a request without one. */
    public static ProblemException unauthorized() {
        return new ProblemException(ErrorCode.UNAUTHORIZED, Text.of("problem.unauthorized"))
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    /**
     * 401 for a token that is not valid here: the challenge says why (RFC 6750's invalid_token; in English, as its
     * ASCII-only error_description must be), and so does the detail, in the caller's language.
     */
    public static ProblemException invalidToken(Text description) {
        return new ProblemException(ErrorCode.UNAUTHORIZED, description)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\""
                        + description.in(false) + "\"");
    }

    /** 403: none of the caller's roles grants the operation's permission. */
    public static ProblemException forbidden() {
        return new ProblemException(ErrorCode.FORBIDDEN, Text.of("problem.forbidden"));
    }

    /**
     * 404 for a record that does not exist or is outside the caller's scope: the two are indistinguishable.
     * {@code what} names the kind of record by its message {@code notFound.<what>} ("Inspection {0} was not found").
     */
    public static ProblemException notFound(String what, Object... id) {
        return new ProblemException(ErrorCode.NOT_FOUND, Text.of("notFound." + what, id));
    }

    /** The same problem with an extension member added (e.g. the allowed targets of a transition). */
    public ProblemException with(String member, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extensions);
        copy.put(member, value);
        return new ProblemException(code, status, detail, errors, copy, headers);
    }

    /** The same problem with a response header added (e.g. Retry-After). */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ProblemException(code, status, detail, errors, extensions, copy);
    }

    /** The detail, a text of the problem bundle, or null. */
    public Text detail() {
        return detail;
    }

    /** The detail in English, for logs and for records kept in English (a failed export's reason). */
    @Override
    public String getMessage() {
        return detail == null ? null : detail.in(false);
    }

    public ErrorCode code() {
        return code;
    }

    /** The HTTP status: the code's own, but for {@link ErrorCode#REQUEST_REFUSED}, which keeps the one refused. */
    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
