package org.zuofeng.common.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An HQL condition on a query's alias {@code e}, with the values of the parameters it names. */
public record Condition(String hql, Map<String, Object> parameters) {

    /** Holds for no record. */
    public static final Condition NOTHING = new Condition("1 = 0", Map.of());

    public Condition {
        parameters = Map.copyOf(parameters);
    }

    public static Condition of(String hql) {
        return new Condition(hql, Map.of());
    }

    public static Condition of(String hql, String name, Object value) {
        return new Condition(hql, Map.of(name, value));
    }

    public static Condition of(String hql, Map<String, Object> parameters) {
        return new Condition(hql, parameters);
    }

    /** The same condition on the alias {@code alias} instead of {@code e}, for a subquery. */
    public Condition on(String alias) {
        return new Condition(hql.replaceAll("\\be\\.", alias + "."), parameters);
    }

    /** Both conditions. */
    public Condition and(Condition other) {
        return new Condition("(" + hql + ") and (" + other.hql + ")", merged(List.of(this, other)));
    }

    /** At least one of the conditions; {@link #NOTHING} for none. */
    static Condition anyOf(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return NOTHING;
        }
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        return new Condition("(" + String.join(") or (", conditions.stream().map(Condition::hql).toList()) + ")",
                merged(conditions));
    }

    private static Map<String, Object> merged(List<Condition> conditions) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Condition condition : conditions) {
            condition.parameters.forEach((name, value) -> {
                Object earlier = all.putIfAbsent(name, value);
                if (earlier != null && !Objects.equals(earlier, value)) {
                    throw new IllegalStateException("Parameter :" + name + " stands for two values");
                }
            });
        }
        return all;
    }
}
