package org.zuofeng.duty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The query API of power lists for other features: the items of a unit's power list in effect on a day (its
 * published version from then), by code. Lists are public once published, so nothing here depends on the caller.
 */
@ApplicationScoped
public class PowerItems {

    private final EntityManager em;

    public PowerItems(EntityManager em) {
        this.em = em;
    }

    /** Code to name of the items of the unit's power list in effect on {@code day}; empty when none is. */
    public Map<String, String> inEffect(UUID unitId, LocalDate day) {
        Map<String, String> items = new LinkedHashMap<>();
        em.createQuery("select l from DutyList l where l.unitId = :unit and l.kind = :kind and l.status = :published"
                        + " and l.effectiveFrom <= :day order by l.effectiveFrom desc", DutyList.class)
                .setParameter("unit", unitId).setParameter("kind", DutyListKind.POWER)
                .setParameter("published", DutyListStatus.PUBLISHED).setParameter("day", day).setMaxResults(1)
                .getResultStream().findFirst()
                .ifPresent(list -> list.items.forEach(item -> items.put(item.code(), item.name())));
        return items;
    }
}
