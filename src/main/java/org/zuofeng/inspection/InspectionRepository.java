package org.zuofeng.inspection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Inspections. */
@ApplicationScoped
public class InspectionRepository implements PanacheRepositoryBase<Inspection, UUID> {

    /** How many findings of each inspection satisfy {@code visible} (the caller's view of them; null: all). */
    public Map<UUID, Long> findingCounts(Collection<UUID> inspectionIds, InspectionAccess.Condition visible) {
        if (inspectionIds.isEmpty()) {
            return Map.of();
        }
        TypedQuery<Object[]> query = getEntityManager().createQuery(
                "select f.inspectionId, count(f) from Finding f join Inspection i on i.id = f.inspectionId"
                        + " where f.inspectionId in :ids" + (visible == null ? "" : " and " + visible.hql())
                        + " group by f.inspectionId", Object[].class)
                .setParameter("ids", inspectionIds);
        if (visible != null) {
            visible.parameters().forEach(query::setParameter);
        }
        Map<UUID, Long> counts = new HashMap<>();
        query.getResultList().forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return counts;
    }
}
