package org.zuofeng.finding;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.zuofeng.common.security.Condition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Findings. */
@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<Finding, UUID> {

    /** The inspection of each of these findings. */
    public Map<UUID, UUID> inspectionsOf(Collection<UUID> findingIds) {
        return columnOf("e.inspectionId", findingIds);
    }

    /** The unit each of these findings is about. */
    public Map<UUID, UUID> unitsOf(Collection<UUID> findingIds) {
        return columnOf("e.unitId", findingIds);
    }

    /** How many findings of each inspection satisfy {@code visible} (on alias {@code e}). */
    public Map<UUID, Long> countsByInspection(Collection<UUID> inspectionIds, Optional<Condition> visible) {
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

    private Map<UUID, UUID> columnOf(String path, Collection<UUID> findingIds) {
        if (findingIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select e.id, " + path + " from Finding e where e.id in :ids",
                        Object[].class)
                .setParameter("ids", findingIds).getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (UUID) row[1]));
    }
}
