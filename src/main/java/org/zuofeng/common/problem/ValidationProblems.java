package org.zuofeng.common.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.hibernate.validator.engine.HibernateConstraintViolation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Bean Validation violations as field errors: a body member by its JSON pointer (the resource parameter that takes
 * the body is called {@value #BODY_PARAMETER} in every resource), a query or bean parameter by its name.
 */
final class ValidationProblems {

    /** The name of the resource-method parameter that receives the request body, by convention in every resource. */
    static final String BODY_PARAMETER = "body";

    private ValidationProblems() {
    }

    /** Every violation at once, each at its JSON pointer (body members) or parameter name. */
    static ProblemException from(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(ValidationProblems::toFieldError)
                .sorted(Comparator.comparing((FieldError f) -> String.valueOf(f.pointer()))
                        .thenComparing(f -> String.valueOf(f.parameter())))
                .toList();
        boolean onlyParameters = errors.stream().allMatch(f -> f.pointer() == null);
        return onlyParameters && errors.size() == 1
                ? ProblemException.invalidParameter(errors.get(0).parameter(), errors.get(0).message())
                : ProblemException.invalid(errors);
    }

    /** Violations of a body validated by itself: the whole property path is the JSON pointer. */
    static ProblemException ofBody(Set<? extends ConstraintViolation<?>> violations) {
        return ProblemException.invalid(violations.stream()
                .map(v -> {
                    List<Path.Node> nodes = new ArrayList<>();
                    v.getPropertyPath().forEach(nodes::add);
                    return new FieldError(pointer(nodes), null, message(v), fieldCode(v));
                })
                .sorted(Comparator.comparing((FieldError f) -> String.valueOf(f.pointer())))
                .toList());
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
            return new FieldError("/" + nodes.get(nodes.size() - 1).getName(), null, message(violation), code);
        }
        String parameter = nodes.get(parameterAt).getName();
        List<Path.Node> rest = nodes.subList(parameterAt + 1, nodes.size());
        if (!BODY_PARAMETER.equals(parameter)) {
            // A query or bean parameter: name it by its innermost property (bean fields carry the query names).
            String name = rest.isEmpty() ? parameter : rest.get(rest.size() - 1).getName();
            return new FieldError(null, name, message(violation), code);
        }
        return new FieldError(pointer(rest), null, message(violation), code);
    }

    /** Bean Validation interpolates its messages ({@code ValidationMessages}) in the request's language itself. */
    private static Text message(ConstraintViolation<?> violation) {
        return Text.rendered(violation.getMessage());
    }

    private static String pointer(List<Path.Node> path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                pointer.append('/').append(node.getKey());
            }
            if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                pointer.append('/').append(node.getName());
            }
        }
        return pointer.toString();
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
}
