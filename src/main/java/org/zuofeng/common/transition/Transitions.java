package org.zuofeng.common.transition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.time.Times;
import org.zuofeng.common.web.RequestCorrelation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The one state-machine mechanism of the API. A service parses the target ({@link Lifecycle#parse}), decides
 * whether the caller may take that step, then {@link #check}s it (409 {@code INVALID_TRANSITION} naming the allowed
 * targets; 400 when a note or a field is missing), applies it, and {@link #record}s it in the history.
 */
@ApplicationScoped
public class Transitions {

    /** A checked step. */
    public record Step<S extends Enum<S>>(S from, S to, String note) {
    }

    private static final int MAX_FIELD_LENGTH = 10_000;
    private static final Sorting<TransitionRecord> SORTING = new Sorting<>("occurredAt",
            SortField.of("id", "id", t -> t.id, UUID.class),
            SortField.of("occurredAt", "occurredAt", t -> t.occurredAt, Instant.class));

    private final EntityManager em;
    private final KeysetPager pager;
    private final Caller caller;
    private final Clock clock;
    private final RequestCorrelation correlation;

    public Transitions(EntityManager em, KeysetPager pager, Caller caller, Clock clock,
            RequestCorrelation correlation) {
        this.em = em;
        this.pager = pager;
        this.caller = caller;
        this.clock = clock;
        this.correlation = correlation;
    }

    /** Checks the step from {@code current} to {@code to} against the lifecycle and the request's note and fields. */
    public <S extends Enum<S>> Step<S> check(Lifecycle<S> lifecycle, S current, S to, TransitionRequest request) {
        if (!lifecycle.allows(current, to)) {
            Set<String> allowed = new TreeSet<>();
            lifecycle.targetsFrom(current).forEach(s -> allowed.add(s.name()));
            throw new ProblemException(ErrorCode.INVALID_TRANSITION, allowed.isEmpty()
                    ? Text.of("common.finalState", current, to)
                    : Text.of("common.cannotGoFrom", current, to, String.join(", ", allowed)))
                    .with("currentStatus", current.name())
                    .with("allowedTargets", List.copyOf(allowed));
        }
        List<FieldError> errors = new ArrayList<>();
        if (lifecycle.needsNote(to) && (request.note == null || request.note.isBlank())) {
            errors.add(FieldError.atPointer("/note", Text.of("field.requiredGo", to)));
        }
        Set<String> wanted = lifecycle.fieldsFor(to);
        for (String field : wanted) {
            String value = request.fields().get(field);
            if (value == null || value.isBlank()) {
                errors.add(FieldError.atPointer("/" + field, Text.of("field.requiredGo", to)));
            } else if (value.length() > MAX_FIELD_LENGTH) {
                errors.add(FieldError.atPointer("/" + field, Text.of("field.sizeAtMost", MAX_FIELD_LENGTH)));
            }
        }
        for (Map.Entry<String, String> field : request.fields().entrySet()) {
            if (!wanted.contains(field.getKey())) {
                errors.add(FieldError.atPointer("/" + field.getKey(), Text.of("field.takenStep", to)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Step<>(current, to, request.note == null || request.note.isBlank() ? null : request.note);
    }

    /** Appends the step to the record's history, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, UUID entityId, Step<?> step) {
        TransitionRecord record = new TransitionRecord();
        record.id = Ids.newId();
        record.entityType = entityType;
        record.entityId = entityId;
        record.from = step.from().name();
        record.to = step.to().name();
        record.note = step.note();
        record.actor = caller.subject();
        record.occurredAt = clock.instant();
        record.requestId = correlation.current().requestId();
        em.persist(record);
    }

    /** The record's history, oldest first by default; the caller has already been allowed to see the record. */
    public Page<TransitionView> history(String entityType, UUID entityId, String sort, PageRequest page) {
        Filters filters = new Filters()
                .always("e.entityType = :entityType", Map.of("entityType", entityType))
                .when(entityId, "entityId", "e.entityId = :entityId");
        return pager.page(TransitionRecord.class, filters, SORTING, sort, page)
                .map(t -> new TransitionView(t.id, t.from, t.to, t.note, t.actor, Times.toWire(t.occurredAt)));
    }
}
