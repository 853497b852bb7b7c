package org.zuofeng.common.transition;

import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A resource's state machine: which steps are allowed from each state, which targets need a note, and which extra
 * fields a step takes (e.g. the {@code summary} of completing an inspection). Built once per resource, immutable.
 */
public final class Lifecycle<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> steps;
    private final Set<S> noteRequired;
    private final Map<S, Set<String>> requiredFields;

    private Lifecycle(Class<S> type, Map<S, Set<S>> steps, Set<S> noteRequired, Map<S, Set<String>> requiredFields) {
        this.type = type;
        this.steps = steps;
        this.noteRequired = noteRequired;
        this.requiredFields = requiredFields;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    /** The target named by a request; a 400 at {@code /to} when it is no state of this lifecycle. */
    public S parse(String to) {
        try {
            return Enum.valueOf(type, to);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField("/to", Text.of("field.oneOf",
                    Arrays.stream(type.getEnumConstants()) .map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    /** The states reachable from {@code from} in one step. */
    public Set<S> targetsFrom(S from) {
        return steps.getOrDefault(from, Collections.emptySet());
    }

    boolean allows(S from, S to) {
        return targetsFrom(from).contains(to);
    }

    boolean needsNote(S to) {
        return noteRequired.contains(to);
    }

    Set<String> fieldsFor(S to) {
        return requiredFields.getOrDefault(to, Set.of());
    }

    /** Declares a lifecycle step by step. */
    public static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final Map<S, Set<S>> steps;
        private final Set<S> noteRequired;
        private final Map<S, Set<String>> requiredFields;

        private Builder(Class<S> type) {
            this.type = type;
            this.steps = new EnumMap<>(type);
            this.noteRequired = EnumSet.noneOf(type);
            this.requiredFields = new EnumMap<>(type);
        }

        /** Allows the step from each of {@code from} to {@code to}. */
        @SafeVarargs
        public final Builder<S> step(S to, S... from) {
            for (S source : from) {
                steps.computeIfAbsent(source, s -> EnumSet.noneOf(type)).add(to);
            }
            return this;
        }

        /** Entering {@code to} needs a {@code note} saying why. */
        public Builder<S> noteRequired(S to) {
            noteRequired.add(to);
            return this;
        }

        /** Entering {@code to} needs these fields in the transition body. */
        public Builder<S> fieldsRequired(S to, String... fields) {
            requiredFields.put(to, Set.of(fields));
            return this;
        }

        public Lifecycle<S> build() {
            return new Lifecycle<>(type, Map.copyOf(steps), Set.copyOf(noteRequired), Map.copyOf(requiredFields));
        }
    }
}
