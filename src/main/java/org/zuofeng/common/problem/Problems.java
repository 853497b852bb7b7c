package org.zuofeng.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.util.Set;

/**
 * The problem any failure is, as the API answers it, for the places that answer many requests in one (a sync push):
 * the same translation {@link ProblemMapper} applies to a single request.
 */
public final class Problems {

    private Problems() {
    }

    /**
     * A {@link ProblemException} as it is, JSON and Bean Validation errors as 400s (also when a transaction wrapper
     * carries them as its cause), anything else classified like an unexpected failure.
     */
    public static ProblemException of(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
            if (cause instanceof JsonProcessingException json) {
                return JsonProblems.from(json);
            }
            if (cause instanceof ConstraintViolationException violations) {
                return ValidationProblems.from(violations);
            }
        }
        return FailureProblems.classify(e);
    }

    /** The violations of a body validated by itself (not as a resource parameter), each at its JSON pointer. */
    public static ProblemException ofBody(Set<? extends ConstraintViolation<?>> violations) {
        return ValidationProblems.ofBody(violations);
    }
}
