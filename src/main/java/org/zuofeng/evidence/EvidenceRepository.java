package org.zuofeng.evidence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Evidence records. */
@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<Evidence, UUID> {

    public Optional<Evidence> findByOwnerAndDigest(UUID findingId, UUID inspectionId, String sha256) {
        return findingId != null
                ? find("findingId = ?1 and sha256 = ?2", findingId, sha256).firstResultOptional()
                : find("inspectionId = ?1 and sha256 = ?2", inspectionId, sha256).firstResultOptional();
    }

    public boolean isReferenced(String sha256) {
        return count("sha256", sha256) > 0;
    }
}
