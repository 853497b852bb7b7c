package org.zuofeng.assessment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Schemes. */
@ApplicationScoped
public class SchemeRepository implements PanacheRepositoryBase<AssessmentScheme, UUID> {

    /** The scheme, locked until the transaction ends (quota counts are taken under this lock). */
    public Optional<AssessmentScheme> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Those of these schemes that something is assessed by. */
    public Set<UUID> frozen(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return getEntityManager().createQuery("select distinct a.schemeId from Assessment a where a.schemeId in :ids",
                        UUID.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toSet());
    }
}
