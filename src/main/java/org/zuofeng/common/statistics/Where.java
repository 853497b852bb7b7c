package org.zuofeng.common.statistics;

import java.util.HashMap;
import java.util.Map;

/** The condition of an aggregate over alias {@code e}: HQL and the parameters it names, grown a clause at a time. */
public record Where(String hql, Map<String, Object> parameters) {

    public Where {
        parameters = Map.copyOf(parameters);
    }

    public static Where of(String hql, Map<String, Object> parameters) {
        return new Where(hql, parameters);
    }

    /** This condition and {@code clause}, which names the parameters {@code more} binds. */
    public Where and(String clause, Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.putAll(more);
        return new Where("(" + hql + ") and (" + clause + ")", all);
    }

    /**
     * {@link #and} when the period is about a unit: {@code clause} names the period's unit parameters
     * ({@link Period#unitParameters()}); this condition as it is otherwise.
     */
    public Where andOfUnit(Period period, String clause) {
        return period.unitId() == null ? this : and(clause, period.unitParameters());
    }

    /** {@link #and} when {@code value} is given, binding it to {@code name}; this condition as it is otherwise. */
    public Where andWhen(Object value, String clause, String name) {
        return value == null ? this : and(clause, Map.of(name, value));
    }
}
