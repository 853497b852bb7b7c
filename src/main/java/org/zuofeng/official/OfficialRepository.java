package org.zuofeng.official;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.security.ScopeSource;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Officials. */
@ApplicationScoped
public class OfficialRepository implements PanacheRepositoryBase<Official, UUID> {

    public Optional<Official> findByIdNumber(String idNumber) {
        return find("idNumber", idNumber).firstResultOptional();
    }

    public Optional<Official> findByAccountSubject(String subject) {
        return find("accountSubject", subject).firstResultOptional();
    }

    /**
     * The id and name of the official linked to {@code subject}, read as values: the caller's scope is looked up on
     * every request, and an entity loaded for it would sit in the session apart from the page it may appear in.
     */
    public Optional<ScopeSource.LinkedOfficial> linkedTo(String subject) {
        return getEntityManager().createQuery("select o.id, o.name from Official o where o.accountSubject = :subject",
                        ScopeSource.LinkedOfficial.class)
                .setParameter("subject", subject).setMaxResults(1).getResultStream().findFirst();
    }

    /** The official whom {@code system} knows by {@code externalId}. */
    public Optional<Official> findByExternalId(String system, String externalId) {
        return find("select o from Official o join o.externalIds x where key(x) = ?1 and value(x) = ?2", system,
                externalId).firstResultOptional();
    }

    /** The names of these officials, by id (only the names are read: no personal data leaves the database). */
    public Map<UUID, String> namesOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select o.id, o.name from Official o where o.id in :ids",
                        Object[].class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (String) row[1]));
    }
}
