package org.zuofeng.inspection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Inspections. */
@ApplicationScoped
public class InspectionRepository implements PanacheRepositoryBase<Inspection, UUID> {

    /** HQL: inspection {@code i} is covert and not completed, so secret from its targets. */
    static final String SECRET = "i.type = org.zuofeng.inspection.InspectionType.COVERT"
            + " and i.status <> org.zuofeng.inspection.InspectionStatus.COMPLETED";

    /** Every inspection secret now (covert under way, or covert and cancelled): few, and kept so. */
    public Set<UUID> secretNow() {
        return Set.copyOf(getEntityManager().createQuery("select i.id from Inspection i where " + SECRET, UUID.class)
                .getResultList());
    }

    /** Those of these inspections that are secret now. */
    public Set<UUID> covertAmong(Collection<UUID> inspectionIds) {
        if (inspectionIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery("select i.id from Inspection i where i.id in :ids"
                        + " and i.type = :covert", UUID.class)
                .setParameter("ids", inspectionIds).setParameter("covert", InspectionType.COVERT).getResultList());
    }

    public Set<UUID> secretAmong(Collection<UUID> inspectionIds) {
        if (inspectionIds.isEmpty()) {
            return Set.of();
        }
        // By primary key: a few rows looked up, not every covert inspection filtered against the ids.
        return Set.copyOf(getEntityManager()
                .createQuery("select i.id from Inspection i where i.id in :ids and " + SECRET, UUID.class)
                .setParameter("ids", inspectionIds).getResultList());
    }
}
