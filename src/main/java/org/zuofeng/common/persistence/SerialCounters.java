package org.zuofeng.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Numbers that run per series and calendar year without gaps or twins: the numbers of notices (per type) and of
 * case decisions, which their formal documents carry.
 */
@ApplicationScoped
public class SerialCounters {

    private final EntityManager em;

    public SerialCounters(EntityManager em) {
        this.em = em;
    }

    /**
     * The next number of {@code series} in {@code year}. The counter row stays locked until the calling transaction
     * ends, so concurrent callers take consecutive numbers, and a rolled-back one gives its number back (a unique
     * constraint on the numbered table is the backstop).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int next(String series, int year) {
        Number next = (Number) em.createNativeQuery("""
                        insert into serial_counters (series, year, last_sequence) values (:series, :year, 1)
                        on conflict (series, year) do update set last_sequence = serial_counters.last_sequence + 1
                        returning last_sequence""")
                .setParameter("series", series).setParameter("year", year).getSingleResult();
        return next.intValue();
    }
}
