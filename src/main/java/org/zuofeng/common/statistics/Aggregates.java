package org.zuofeng.common.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counting queries over what the caller may read: an HQL aggregate over alias {@code e}, restricted by the read rule
 * of its kind (the same condition its list uses), answered by the database, never by loading rows.
 */
@ApplicationScoped
public class Aggregates {

    private final EntityManager em;
    private final CallerScope scope;

    public Aggregates(EntityManager em, CallerScope scope) {
        this.em = em;
        this.scope = scope;
    }

    /**
     * Rows of {@code select} ... {@code from} (naming alias {@code e}) {@code where} ... and what the caller may read
     * under {@code rule}, then {@code tail} (a group by).
     */
    public List<Object[]> rows(String select, String from, Where where, String tail, ReadRule rule) {
        return rows(select, from, where, tail, rule, 0);
    }

    /** {@link #rows} with at most {@code limit} rows (0: all). */
    public List<Object[]> rows(String select, String from, Where where, String tail, ReadRule rule, int limit) {
        Optional<Condition> readable = scope.readable(rule);
        Where all = readable.map(c -> where.and(c.hql(), c.parameters())).orElse(where);
        Query query = em.createQuery(select + " from " + from + " where " + all.hql()
                + (tail == null ? "" : " " + tail));
        all.parameters().forEach(query::setParameter);
        if (limit > 0) {
            query.setMaxResults(limit);
        }
        @SuppressWarnings("unchecked")
        List<Object> result = query.getResultList();
        return result.stream().map(r -> r instanceof Object[] row ? row : new Object[] {r}).toList();
    }

    /** One count. */
    public long count(String from, Where where, ReadRule rule) {
        return ((Number) rows("select count(e)", from, where, null, rule).get(0)[0]).longValue();
    }

    /** Counts by the first column, in the order given by {@code keys} (every key present, zero when none). */
    public static <K> Map<K, Long> byKey(List<Object[]> rows, List<K> keys) {
        Map<K, Long> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, 0L));
        rows.forEach(r -> {
            @SuppressWarnings("unchecked")
            K key = (K) r[0];
            counts.put(key, ((Number) r[1]).longValue());
        });
        return counts;
    }
}
