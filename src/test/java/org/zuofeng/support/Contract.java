package org.zuofeng.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates every request and response of the tests against {@code openapi/openapi.yaml}, the published contract,
 * by {@link ContractValidator} (OpenAPI 3.1, JSON Schema 2020-12): JSON bodies and binary uploads and downloads alike.
 */
public final class Contract implements Filter {

    /** Requests and responses must both match the contract. */
    public static final Contract STRICT = new Contract(true);

    /**
     * For tests that send deliberately invalid requests: the request is not checked, the response (the problem
     * the API answers with) still is.
     */
    public static final Contract RESPONSES_ONLY = new Contract(false);

    private final boolean requests;

    private Contract(boolean requests) {
        this.requests = requests;
    }

    /** The validator behind the filters, for tests that send requests without rest-assured. */
    public static ContractValidator validator() {
        return ContractValidator.contract();
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        URI uri = URI.create(request.getURI());
        String method = request.getMethod();
        List<String> errors = new ArrayList<>();
        if (requests) {
            errors.addAll(validator().validateRequest(new ContractValidator.Request(method, uri.getRawPath(),
                    ContractValidator.query(uri.getRawQuery()), name -> request.getHeaders().getValue(name),
                    request.getContentType(), bytes(request.getBody()))));
        }
        Response response = context.next(request, responseSpec);
        errors.addAll(validator().validateResponse(method, uri.getRawPath(), new ContractValidator.Response(
                response.statusCode(), response.contentType(), response::header, response.asByteArray())));
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + uri.getRawPath() + " → " + response.statusCode()
                    + " is off the contract:\n  " + String.join("\n  ", errors));
        }
        return response;
    }

    private static byte[] bytes(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        return String.valueOf(body).getBytes(StandardCharsets.UTF_8);
    }
}
