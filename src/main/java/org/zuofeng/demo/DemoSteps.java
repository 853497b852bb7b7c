package org.zuofeng.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.zuofeng.common.concurrency.EntityTags;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.security.RunAs;
import org.zuofeng.common.time.Times;
import org.zuofeng.common.transition.TransitionRequest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * How the demo takes each step: as the dev user whose role would take it, with a request body read and validated as
 * the API reads it, a lifecycle step from the record's current version.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class DemoSteps {

    /** A lifecycle step of one kind of record. */
    @FunctionalInterface
    interface Step {
        Object apply(UUID id, IfMatch ifMatch, TransitionRequest request);
    }

    private final RunAs runAs;
    private final ObjectMapper json;
    private final Validator validator;

    DemoSteps(RunAs runAs, ObjectMapper json, Validator validator) {
        this.runAs = runAs;
        this.json = json;
        this.validator = validator;
    }

    <T> T as(String subject, String role, Supplier<T> work) {
        return runAs.call(subject, Set.of(role), work);
    }

    /** A request body, read and validated as the API reads it. */
    <T> T write(Class<T> type, Map<String, Object> body) {
        T value = json.convertValue(body, type);
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The demo's " + type.getSimpleName() + " is invalid: " + violations
                    .stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
        }
        return value;
    }

    /** A step of a record's lifecycle, from its current version, as {@code subject}. */
    void transition(String subject, String role, UUID id, Map<String, Object> step, ToLongFunction<UUID> version,
            Step transition) {
        as(subject, role, () -> transition.apply(id, IfMatch.required(EntityTags.of(version.applyAsLong(id))),
                write(TransitionRequest.class, step)));
    }

    static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    /** {@code hour}:{@code minute} on {@code day} in the district, as the API writes a time. */
    static String at(LocalDate day, int hour, int minute) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(day.atTime(hour, minute).atZone(Times.ZONE));
    }
}
