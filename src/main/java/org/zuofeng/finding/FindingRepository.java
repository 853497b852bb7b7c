package org.zuofeng.finding;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.time.Times;
import org.zuofeng.inspection.InspectionRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Findings. */
@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<Finding, UUID> {

    /** Those of these findings whose inspection is secret now. */
    public Set<UUID> secretAmong(Collection<UUID> findingIds) {
        if (findingIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery("select f.id from Finding f, Inspection i"
                + " where f.inspectionId = i.id and f.id in :ids and " + InspectionRepository.SECRET, UUID.class)
                .setParameter("ids", findingIds).getResultList());
    }

    /** The active evidence of each finding, oldest first. */
    public Map<UUID, List<EvidenceSummary>> activeEvidence(Collection<UUID> findingIds) {
        if (findingIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("""
                        select e.findingId, e.id, e.mediaType, e.size, e.sha256, e.capturedAt, e.fileName
                        from Evidence e
                        where e.findingId in :ids and e.status = org.zuofeng.evidence.EvidenceStatus.ACTIVE
                        order by e.createdAt, e.id""", Object[].class)
                .setParameter("ids", findingIds).getResultStream()
                .collect(Collectors.groupingBy(row -> (UUID) row[0], Collectors.mapping(row -> new EvidenceSummary(
                        (UUID) row[1], (String) row[2], (Long) row[3], (String) row[4],
                        Times.toWire((Instant) row[5]), (String) row[6]), Collectors.toList())));
    }
}
