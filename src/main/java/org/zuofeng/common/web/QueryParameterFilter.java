package org.zuofeng.common.web;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rejects query parameters an operation does not define (400 {@code UNKNOWN_PARAMETER}), so that a misspelt filter
 * fails loudly instead of silently returning everything. The known names come from the resource method's
 * {@code @QueryParam}s, those of its {@code @BeanParam}s included.
 */
public class QueryParameterFilter {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void rejectUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> allowed = known.computeIfAbsent(method, QueryParameterFilter::queryNames);
        List<FieldError> unknown = request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> !allowed.contains(name))
                .sorted()
                .map(name -> FieldError.atParameter(name, Text.of("field.parameterOperation")))
                .toList();
        if (!unknown.isEmpty()) {
            String names = String.join(", ", unknown.stream().map(FieldError::parameter).toList());
            throw new ProblemException(ErrorCode.UNKNOWN_PARAMETER, allowed.isEmpty()
                    ? Text.of("common.unknownParametersNoneTaken", names)
                    : Text.of("common.unknownParameters", names, String.join(", ", allowed)),
                    unknown);
        }
    }

    private static Set<String> queryNames(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getDeclaredFields()) {
                    QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
                    if (fieldQuery != null) {
                        names.add(fieldQuery.value());
                    }
                }
            }
        }
        return names;
    }
}
