package org.zuofeng.inspection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.security.Condition;
import jakarta.persistence.TypedQuery;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Inspections. */
@ApplicationScoped
public class InspectionRepository implements PanacheRepositoryBase<Inspection, UUID> {

    /** HQL: inspection {@code i} is covert and not completed, so secret from its targets. */
    public static final String SECRET = "i.type = org.zuofeng.inspection.InspectionType.COVERT"
            + " and i.status <> org.zuofeng.inspection.InspectionStatus.COMPLETED";

    /** Those of these inspections that are secret now. */
    public Set<UUID> secretAmong(Collection<UUID> inspectionIds) {
        if (inspectionIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery("select i.id from Inspection i where i.id in :ids and "
                + SECRET, UUID.class).setParameter("ids", inspectionIds).getResultList());
    }

    /** How many findings of each inspection satisfy {@code visible} (on alias {@code e}: the caller's view of them). */
    public Map<UUID, Long> findingCounts(Collection<UUID> inspectionIds, Optional<Condition> visible) {
        if (inspectionIds.isEmpty()) {
            return Map.of();
        }
        TypedQuery<Object[]> query = getEntityManager().createQuery(
                "select e.inspectionId, count(e) from Finding e where e.inspectionId in :ids"
                        + visible.map(c -> " and (" + c.hql() + ")").orElse("") + " group by e.inspectionId",
                        Object[].class)
                .setParameter("ids", inspectionIds);
        visible.ifPresent(c -> c.parameters().forEach(query::setParameter));
        Map<UUID, Long> counts = new HashMap<>();
        query.getResultList().forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return counts;
    }
}
