package org.zuofeng.common.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.web.RequestCorrelation;

import java.util.Map;

/**
 * How the problems of the items of one request (the mutations of a sync push, the rows of an import) are written
 * into its answer: each as {@link ProblemMapper} would answer it alone, in the caller's language, at the request's
 * path.
 */
public record ProblemRendering(boolean chinese, String instance) {

    public static ProblemRendering of(HttpHeaders headers, UriInfo uri) {
        return new ProblemRendering(ProblemLanguage.prefersChinese(headers), uri.getPath());
    }

    /** The problem document of an item, for the request {@code current}. */
    public Map<String, Object> body(ProblemException problem, RequestCorrelation.Correlation current) {
        return ProblemMapper.body(problem, chinese, instance, current);
    }
}
