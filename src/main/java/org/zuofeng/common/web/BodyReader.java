package org.zuofeng.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Problems;

/**
 * Reads a body that did not come as a request body of its own (a sync mutation's {@code data}, a row of an import)
 * exactly as the endpoint would read its request: the strict JSON reader, then Bean Validation, each problem
 * pointing into it ({@code at}, a JSON pointer; empty for the whole).
 */
@ApplicationScoped
public class BodyReader {

    private final ObjectMapper json;
    private final Validator validator;

    public BodyReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The body, read and validated: a 400 problem pointing into it otherwise. */
    public <T> T read(JsonNode node, Class<T> type, String at) {
        T body = parse(node, type, at);
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            ProblemException problem = Problems.ofBody(violations);
            throw at.isEmpty() ? problem
                    : ProblemException.invalid(problem.errors().stream().map(e -> e.under(at)).toList());
        }
        return body;
    }

    /** The body, read by the strict JSON reader only. */
    public <T> T parse(JsonNode node, Class<T> type, String at) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            ProblemException problem = Problems.of(e);
            throw at.isEmpty() || problem.errors().isEmpty() ? problem
                    : ProblemException.invalid(problem.errors().stream().map(f -> f.under(at)).toList());
        } catch (IllegalArgumentException e) {
            throw Problems.of(e.getCause() == null ? e : e.getCause());
        }
    }
}
