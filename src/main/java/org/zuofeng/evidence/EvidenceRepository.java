package org.zuofeng.evidence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Evidence records. */
@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<Evidence, UUID> {

    public Optional<Evidence> findByOwnerAndDigest(EvidenceService.Owner owner, String sha256) {
        return find(owner.kind() + "Id = ?1 and sha256 = ?2", owner.id(), sha256).firstResultOptional();
    }
}
