package org.zuofeng.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.JsonProblems;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a JSON body, a request's own ({@link JsonRequestBodies}) or one that came inside another (a sync mutation's
 * {@code data}, a row of an import), with the strict JSON reader, and reports every error of it in one 400 problem:
 * each wire-format error ({@link WireErrors}) and, where the rest could be read, each Bean Validation violation of the
 * rest, each pointing into it ({@code at}, a JSON pointer; empty for the whole). Malformed JSON is one problem.
 */
@ApplicationScoped
public class BodyReader {

    private final ObjectMapper json;
    private final Validator validator;

    /**
     * Reads with the application's mapper plus {@link WireErrors}' wrapping of every deserializer, kept to this
     * reader: no other read (cursors, stored JSON, a projection's aggregates) pays for it.
     */
    public BodyReader(ObjectMapper json, Validator validator) {
        this.json = json.copy().registerModule(WireErrors.module());
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

    /** The body, read by the strict JSON reader (and validated only if it has wire-format errors). */
    public <T> T parse(JsonNode node, Class<T> type, String at) {
        try {
            return type.cast(readAll(json.readerFor(type), reader -> reader.readValue(node), at));
        } catch (JsonProcessingException e) {
            ProblemException problem = Problems.of(e);
            throw at.isEmpty() || problem.errors().isEmpty() ? problem
                    : ProblemException.invalid(problem.errors().stream().map(f -> f.under(at)).toList());
        } catch (IOException | IllegalArgumentException e) {
            throw Problems.of(e.getCause() == null ? e : e.getCause());
        }
    }

    /** A request body of {@code type}, every error of it in one problem. */
    Object readRequest(InputStream in, Type type) throws IOException {
        return readAll(json.readerFor(json.getTypeFactory().constructType(type)), reader -> reader.readValue(in), "");
    }

    private Object readAll(ObjectReader reader, Reading reading, String at) throws IOException {
        List<FieldError> errors = new ArrayList<>();
        Object body = null;
        try {
            body = reading.read(WireErrors.collecting(reader, errors));
        } catch (JsonMappingException e) {
            if (errors.isEmpty() || JsonProblems.malformed(e)) {
                throw e;
            }
            errors.addAll(Problems.of(e).errors());
        }
        if (errors.isEmpty()) {
            return body;
        }
        List<FieldError> all = new ArrayList<>(errors);
        if (body != null) {
            Problems.ofBody(validator.validate(body)).errors().stream()
                    .filter(violation -> errors.stream().noneMatch(error -> covers(error, violation)))
                    .forEach(all::add);
        }
        all.sort(Comparator.comparing((FieldError f) -> String.valueOf(f.pointer())));
        throw ProblemException.invalid(all.stream().map(f -> f.under(at)).toList());
    }

    /** A member read as absent because of its wire-format error is not also reported as missing. */
    private static boolean covers(FieldError error, FieldError violation) {
        String pointer = String.valueOf(violation.pointer());
        return pointer.equals(error.pointer()) || pointer.startsWith(error.pointer() + "/");
    }

    @FunctionalInterface
    private interface Reading {
        Object read(ObjectReader reader) throws IOException;
    }
}
