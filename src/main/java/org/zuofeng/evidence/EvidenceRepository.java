package org.zuofeng.evidence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.time.Times;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Evidence records. */
@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<Evidence, UUID> {

    public Optional<Evidence> findByOwnerAndDigest(EvidenceService.Owner owner, String sha256) {
        return find(owner.kind() + "Id = ?1 and sha256 = ?2", owner.id(), sha256).firstResultOptional();
    }

    /** The active evidence of each finding, oldest first. */
    public Map<UUID, List<EvidenceSummary>> activeOfFindings(Collection<UUID> findingIds) {
        if (findingIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("""
                        select e.findingId, e.id, e.mediaType, e.size, e.sha256, e.capturedAt, e.fileName
                        from Evidence e
                        where e.findingId in :ids and e.status = :active
                        order by e.createdAt, e.id""", Object[].class)
                .setParameter("ids", findingIds).setParameter("active", EvidenceStatus.ACTIVE).getResultStream()
                .collect(Collectors.groupingBy(row -> (UUID) row[0], Collectors.mapping(row -> new EvidenceSummary(
                        (UUID) row[1], (String) row[2], (Long) row[3], (String) row[4],
                        Times.toWire((Instant) row[5]), (String) row[6]), Collectors.toList())));
    }
}
