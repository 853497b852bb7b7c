package org.zuofeng.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.zuofeng.common.openapi.Contract;
import org.zuofeng.common.web.RequestCorrelation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where failures become RFC 9457 problems ({@code application/problem+json}): it picks up every kind
 * of failure and renders the problem; what each kind means is decided beside it ({@link JsonProblems},
 * {@link ValidationProblems}, {@link FailureProblems}, {@link ProblemLanguage} for the language of its texts,
 * {@link ProblemMessages} for the texts).
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";

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
        return respond(ValidationProblems.from(e), headers, uri);
    }

    /** Names the specific Jackson types too: Quarkus has built-in mappers for some, which would otherwise win. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class, InvalidDefinitionException.class})
    public Response json(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return respond(JsonProblems.from(e), headers, uri);
    }

    /** What the HTTP layer refused; a status without a problem code of its own keeps its status. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(JsonProblems.from(json), headers, uri);
        }
        if (e.getCause() instanceof ProblemException problem) {
            return respond(problem, headers, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemException problem = switch (status) {
            case 400 -> new ProblemException(ErrorCode.INVALID_PARAMETER, Text.of("problem.malformedRequest"));
            case 401 -> ProblemException.unauthorized();
            case 403 -> ProblemException.forbidden();
            case 404 -> new ProblemException(ErrorCode.NOT_FOUND, Text.of("problem.noResource", uri.getPath()));
            case 405 -> methodNotAllowed(uri.getPath());
            case 406 -> new ProblemException(ErrorCode.NOT_ACCEPTABLE, Text.of("problem.notAcceptable"));
            case 413 -> new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, Text.of("problem.tooLarge"));
            case 415 -> new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, Text.of("problem.unsupportedMediaType"));
            default -> status >= 500 ? FailureProblems.unexpected(e)
                    : ProblemException.refused(status, Text.of("problem.refused", status));
        };
        return respond(problem, headers, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        if (FailureProblems.identityProviderDown(e)) {
            return respond(FailureProblems.identityProviderUnavailable(), headers, uri);
        }
        boolean tokenRefused = e instanceof AuthenticationFailedException
                && headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        return respond(tokenRefused ? ProblemException.invalidToken(TokenRefusals.describe(e))
                : ProblemException.unauthorized(), headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemException.forbidden(), headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        return respond(FailureProblems.classify(e), headers, uri);
    }

    /** The Allow header comes from the contract, which lists every operation of every path. */
    private ProblemException methodNotAllowed(String path) {
        ProblemException problem = new ProblemException(ErrorCode.METHOD_NOT_ALLOWED,
                Text.of("problem.methodNotAllowed"));
        String allow = String.join(", ", contract.methodsOf(path));
        return allow.isEmpty() ? problem : problem.withHeader(HttpHeaders.ALLOW, allow);
    }

    private Response respond(ProblemException e, HttpHeaders headers, UriInfo uri) {
        boolean chinese = ProblemLanguage.prefersChinese(headers);
        Map<String, Object> body = body(e, chinese, uri.getPath(), correlation.current());
        Response.ResponseBuilder response = Response.status(e.status()).type(PROBLEM_JSON).entity(body);
        e.headers().forEach(response::header);
        if (chinese) {
            response.header(HttpHeaders.CONTENT_LANGUAGE, "zh-CN");
        }
        return response.build();
    }

    /** The problem document (RFC 9457) of {@code e}, at {@code instance}, for the request {@code current}. */
    public static Map<String, Object> body(ProblemException e, boolean chinese, String instance,
            RequestCorrelation.Correlation current) {
        ErrorCode code = e.code();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", code.title(chinese));
        body.put("status", e.status());
        if (e.detail() != null) {
            body.put("detail", e.detail().in(chinese));
        }
        body.put("instance", instance);
        body.put("code", code.name());
        body.put("traceId", current.traceId());
        if (current.requestId() != null) {
            body.put("requestId", current.requestId());
        }
        if (current.clientRequestId() != null) {
            body.put("clientRequestId", current.clientRequestId());
        }
        if (!e.errors().isEmpty()) {
            body.put("errors", e.errors().stream().map(error -> error.in(chinese)).toList());
        }
        e.extensions().forEach(body::putIfAbsent);
        return body;
    }
}
