package org.zuofeng.common.security;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which records of one kind each role may read: all of them, those a condition selects, or (a role not named) none.
 * A caller holding several roles reads the union of what each of them may read (the broadest role's rights), and
 * reads it the same way through every channel, because {@link CallerScope} turns the rule into one HQL condition that
 * lists and counts add to their query and single reads look the record up through. Records that do not exist for
 * anyone (a deleted draft) are excluded by {@link Builder#existing}, whoever reads.
 */
public final class ReadRule {

    private final String kind;
    private final Set<String> everything;
    private final Map<String, Function<CallerScope, Condition>> grants;
    private final Condition existing;

    private ReadRule(String kind, Set<String> everything, Map<String, Function<CallerScope, Condition>> grants,
            Condition existing) {
        this.kind = kind;
        this.everything = everything;
        this.grants = grants;
        this.existing = existing;
    }

    /** A rule for the records of {@code kind} (as named in messages). */
    public static Builder of(String kind) {
        return new Builder(kind);
    }

    public String kind() {
        return kind;
    }

    /** The condition selecting what a caller holding {@code roles} reads, or null when they read everything. */
    Condition readableBy(Set<String> roles, CallerScope scope) {
        Condition granted;
        if (roles.stream().anyMatch(everything::contains)) {
            granted = null;
        } else {
            granted = Condition.anyOf(grants.entrySet().stream().filter(g -> roles.contains(g.getKey()))
                    .map(g -> g.getValue().apply(scope)).distinct().toList());
        }
        if (existing == null) {
            return granted;
        }
        return granted == null ? existing : existing.and(granted);
    }

    /** Declares a rule role by role. */
    public static final class Builder {
        private final String kind;
        private final Set<String> everything = new LinkedHashSet<>();
        private final Map<String, Function<CallerScope, Condition>> grants = new LinkedHashMap<>();
        private Condition existing;

        private Builder(String kind) {
            this.kind = kind;
        }

        /** These roles read every record of the kind. */
        public Builder everything(String... roles) {
            everything.addAll(List.of(roles));
            return this;
        }

        /** These roles read the records {@code grant} selects (made per request, from the caller's scope). */
        public Builder grant(Function<CallerScope, Condition> grant, String... roles) {
            for (String role : roles) {
                grants.put(role, grant);
            }
            return this;
        }

        /** Only records satisfying {@code condition} exist at all, for every reader. */
        public Builder existing(Condition condition) {
            this.existing = condition;
            return this;
        }

        public ReadRule build() {
            return new ReadRule(kind, Set.copyOf(everything), Map.copyOf(grants), existing);
        }
    }
}
