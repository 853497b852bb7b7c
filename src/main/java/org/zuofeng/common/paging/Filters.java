package org.zuofeng.common.paging;

import org.zuofeng.common.security.Condition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The WHERE clause of a list query on alias {@code e}, built from the request's filters, with a fingerprint of
 * those filters that binds a cursor to them.
 */
public final class Filters {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, String> fingerprint = new TreeMap<>();

    /** Adds {@code clause} (which uses {@code :name}) when {@code value} is given: not null, not an empty list. */
    public Filters when(Object value, String name, String clause) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
            return this;
        }
        return where(clause, Map.of(name, value));
    }

    /** Adds a clause that combines several request filters; its parameters are all part of the fingerprint. */
    public Filters where(String clause, Map<String, Object> clauseParameters) {
        clauses.add(clause);
        clauseParameters.forEach((name, value) -> {
            parameters.put(name, value);
            fingerprint.put(name, value instanceof Collection<?> c
                    ? c.stream().map(String::valueOf).sorted().collect(Collectors.joining(","))
                    : String.valueOf(value));
        });
        return this;
    }

    /** Records a request filter that shapes a clause without being one of its parameters (a cursor binds to it). */
    public Filters shapedBy(String name, Object value) {
        fingerprint.put(name, String.valueOf(value));
        return this;
    }

    /** Adds a condition that does not come from a request filter (and so is not part of the fingerprint). */
    public Filters always(String clause, Map<String, Object> clauseParameters) {
        clauses.add(clause);
        parameters.putAll(clauseParameters);
        return this;
    }

    /** Keeps to the records with these ids, when given (a copy of some records: sync). */
    public Filters among(Collection<UUID> ids) {
        return ids == null ? this : always("e.id in :amongIds", Map.of("amongIds", ids));
    }

    /** Keeps to the records the caller may read ({@code CallerScope#readable}); empty: they read all. */
    public Filters restrictTo(Optional<Condition> readable) {
        readable.ifPresent(condition -> always(condition.hql(), condition.parameters()));
        return this;
    }

    /**
     * The LIKE pattern for a case-insensitive "contains" filter ({@code q}), with LIKE's wildcards escaped by
     * {@code \}; null when there is nothing to look for. Use it with {@code lower(...) like :q escape '\'}.
     */
    public static String containing(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + text.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    String where() {
        return clauses.isEmpty() ? "" : "(" + String.join(") and (", clauses) + ")";
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    String fingerprint() {
        return fingerprint.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }
}
