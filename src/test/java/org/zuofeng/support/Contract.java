package org.zuofeng.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import java.nio.file.Path;

/**
 * Validates every request and response of the tests against {@code openapi/openapi.yaml}, the published contract.
 */
public final class Contract {

    private static final String SPEC = Path.of("openapi/openapi.yaml").toAbsolutePath().toUri().toString();

    /** Requests and responses must both match the contract. */
    public static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build());

    /**
     * For tests that send deliberately invalid requests: the request is not checked, the response (the problem
     * the API answers with) still is.
     */
    public static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(responseValidator());

    /** The validator behind {@link #RESPONSES_ONLY}, for tests that send requests without rest-assured. */
    public static OpenApiInteractionValidator responseValidator() {
        return OpenApiInteractionValidator.createForSpecificationUrl(SPEC)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    private Contract() {
    }
}
