package org.zuofeng.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.zuofeng.common.openapi.Contract;
import org.zuofeng.common.web.RequestCorrelation;
import org.zuofeng.common.web.WireFormats;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place where failures become RFC 9457 problems ({@code application/problem+json}): domain problems,
 * invalid JSON and parameters, validation, security, concurrency, database outages and everything unexpected.
 * A 500 says nothing about internals; it is logged with the trace id the client sees.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    /** The name of the resource-method parameter that receives the request body, by convention in every resource. */
    public static final String BODY_PARAMETER = "body";
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final RequestCorrelation correlation;
    private final Contract contract;

    public ProblemMapper(RequestCorrelation correlation, Contract contract) {
        this.correlation = correlation;
        this.contract = contract;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return respond(e, headers, uri);
    }

    @ServerExceptionMapper({ConstraintViolationException.class,
            io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException.class})
    public Response violations(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMapper::toFieldError)
                .sorted(Comparator.comparing((FieldError f) -> String.valueOf(f.pointer()))
                        .thenComparing(f -> String.valueOf(f.parameter())))
                .toList();
        boolean onlyParameters = errors.stream().allMatch(f -> f.pointer() == null);
        ProblemException problem = onlyParameters && errors.size() == 1
                ? ProblemException.invalidParameter(errors.get(0).parameter(), errors.get(0).message())
                : ProblemException.invalid(errors);
        return respond(problem, headers, uri);
    }

    /** Names the specific Jackson types too: Quarkus has built-in mappers for some, which would otherwise win. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class, InvalidDefinitionException.class})
    public Response json(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return respond(fromJson(e), headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return respond(fromJson(json), headers, uri);
        }
        if (cause instanceof ProblemException problem) {
            return respond(problem, headers, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemException problem = switch (status) {
            case 400 -> new ProblemException(ErrorCode.INVALID_PARAMETER, "The request is malformed");
            case 401 -> unauthorized();
            case 403 -> new ProblemException(ErrorCode.FORBIDDEN, "Your role may not perform this operation");
            case 404 -> new ProblemException(ErrorCode.NOT_FOUND, "No resource at " + uri.getPath());
            case 405 -> methodNotAllowed(uri.getPath());
            case 406 -> new ProblemException(ErrorCode.NOT_ACCEPTABLE,
                    "This resource produces application/json; see the Accept header");
            case 413 -> new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large");
            case 415 -> new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as application/json");
            default -> status >= 500 ? unexpected(e) : new ProblemException(ErrorCode.CONFLICT, e.getMessage());
        };
        return respond(problem, headers, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        return respond(identityProviderDown(e) ? identityProviderUnavailable() : unauthorized(), headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(new ProblemException(ErrorCode.FORBIDDEN, "Your role may not perform this operation"),
                headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        return respond(classify(e), headers, uri);
    }

    /** What an exception means, judged by its whole cause chain (frameworks wrap what services throw). */
    private ProblemException classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return new ProblemException(ErrorCode.VERSION_MISMATCH,
                        "The resource was changed by another request; fetch it again and retry");
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                String named = violation.getConstraintName() != null ? violation.getConstraintName()
                        : String.valueOf(violation.getSQLException().getMessage());
                return ErrorCode.byConstraint(named)
                        .map(code -> new ProblemException(code, code.description()))
                        .orElseGet(() -> new ProblemException(ErrorCode.CONFLICT,
                                "The change conflicts with existing data"));
            }
            if (t instanceof OIDCException) {
                return identityProviderUnavailable();
            }
            if (isUnavailable(t)) {
                LOG.warnf("Database unavailable: %s", t.getMessage());
                return new ProblemException(ErrorCode.SERVICE_UNAVAILABLE, "The database cannot be reached")
                        .withHeader("Retry-After", RETRY_AFTER_SECONDS);
            }
        }
        return unexpected(e);
    }

    /** Whether the token could not be checked because the OIDC provider (its metadata or keys) is unreachable. */
    private static boolean identityProviderDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException identityProviderUnavailable() {
        LOG.warn("OIDC provider unavailable: tokens cannot be verified until its keys are fetched");
        return new ProblemException(ErrorCode.SERVICE_UNAVAILABLE, "The identity provider cannot be reached")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    private static boolean isUnavailable(Throwable t) {
        if (t instanceof ConnectException || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")))
                    || String.valueOf(sql.getMessage()).contains("Acquisition timeout");
        }
        return false;
    }

    private ProblemException unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return new ProblemException(ErrorCode.INTERNAL_ERROR,
                "The request could not be completed; quote the traceId when reporting it");
    }

    private static ProblemException unauthorized() {
        return new ProblemException(ErrorCode.UNAUTHORIZED, "Send a valid bearer token in the Authorization header")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    /** The Allow header comes from the contract, which lists every operation of every path. */
    private ProblemException methodNotAllowed(String path) {
        ProblemException problem = new ProblemException(ErrorCode.METHOD_NOT_ALLOWED,
                "This resource does not support the request's method");
        String allow = String.join(", ", contract.methodsOf(path));
        return allow.isEmpty() ? problem : problem.withHeader(HttpHeaders.ALLOW, allow);
    }

    private static ProblemException fromJson(JsonProcessingException e) {
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

    private static FieldError toFieldError(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        int parameterAt = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).getKind() == ElementKind.PARAMETER) {
                parameterAt = i;
                break;
            }
        }
        String code = fieldCode(violation);
        if (parameterAt < 0) {
            return new FieldError("/" + nodes.get(nodes.size() - 1).getName(), null, violation.getMessage(), code);
        }
        String parameter = nodes.get(parameterAt).getName();
        List<Path.Node> rest = nodes.subList(parameterAt + 1, nodes.size());
        if (!BODY_PARAMETER.equals(parameter)) {
            // A query or bean parameter: name it by its innermost property (bean fields carry the query names).
            String name = rest.isEmpty() ? parameter : rest.get(rest.size() - 1).getName();
            return new FieldError(null, name, violation.getMessage(), code);
        }
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : rest) {
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                pointer.append('/').append(node.getKey());
            }
            if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                pointer.append('/').append(node.getName());
            }
        }
        return new FieldError(pointer.toString(), null, violation.getMessage(), code);
    }

    /** A validator may name the precise kind of error of a field (e.g. ID_NUMBER_CHECK_DIGIT) as dynamic payload. */
    private static String fieldCode(ConstraintViolation<?> violation) {
        try {
            Object payload = violation.unwrap(HibernateConstraintViolation.class).getDynamicPayload(String.class);
            return payload instanceof String code ? code : null;
        } catch (RuntimeException notHibernate) {
            return null;
        }
    }

    private Response respond(ProblemException e, HttpHeaders headers, UriInfo uri) {
        ErrorCode code = e.code();
        boolean chinese = prefersChinese(headers);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", code.title(chinese));
        body.put("status", code.status());
        if (e.getMessage() != null) {
            body.put("detail", e.getMessage());
        }
        body.put("instance", uri.getPath());
        body.put("code", code.name());
        RequestCorrelation.Correlation current = correlation.current();
        body.put("traceId", current.traceId());
        if (current.requestId() != null) {
            body.put("requestId", current.requestId());
        }
        if (current.clientRequestId() != null) {
            body.put("clientRequestId", current.clientRequestId());
        }
        if (!e.errors().isEmpty()) {
            body.put("errors", e.errors());
        }
        e.extensions().forEach(body::putIfAbsent);
        Response.ResponseBuilder response = Response.status(code.status()).type(PROBLEM_JSON).entity(body);
        e.headers().forEach(response::header);
        if (chinese) {
            response.header(HttpHeaders.CONTENT_LANGUAGE, "zh-CN");
        }
        return response.build();
    }

    private static boolean prefersChinese(HttpHeaders headers) {
        if (headers == null || headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return false;
        }
        try {
            for (Locale locale : headers.getAcceptableLanguages()) {
                if ("zh".equals(locale.getLanguage())) {
                    return true;
                }
                if ("en".equals(locale.getLanguage())) {
                    return false;
                }
            }
        } catch (RuntimeException malformedHeader) {
            return false;
        }
        return false;
    }
}
