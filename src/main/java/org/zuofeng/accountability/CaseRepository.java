package org.zuofeng.accountability;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Cases, their decisions and appeals. */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<AccountabilityCase, UUID> {

    /** The leadership cases opened with each of these violation cases. */
    public Map<UUID, List<AccountabilityCase>> leadershipCasesOf(Collection<UUID> violationIds) {
        if (violationIds.isEmpty()) {
            return Map.of();
        }
        return list("violationCaseId in ?1 order by leaderRole, createdAt", violationIds).stream()
                .collect(Collectors.groupingBy(c -> c.violationCaseId));
    }

    /** Every decision of each case, oldest first. */
    public Map<UUID, List<CaseDecision>> decisionsOf(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select d from CaseDecision d where d.caseId in :ids"
                        + " order by d.createdAt, d.id", CaseDecision.class)
                .setParameter("ids", caseIds).getResultStream().collect(Collectors.groupingBy(d -> d.caseId));
    }

    /** Every appeal of each case, oldest first. */
    public Map<UUID, List<CaseAppeal>> appealsOf(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select a from CaseAppeal a where a.caseId in :ids"
                        + " order by a.createdAt, a.id", CaseAppeal.class)
                .setParameter("ids", caseIds).getResultStream().collect(Collectors.groupingBy(a -> a.caseId));
    }

    public Optional<CaseDecision> standingDecision(UUID caseId) {
        return getEntityManager().createQuery("select d from CaseDecision d where d.caseId = :id"
                        + " and d.supersededBy is null", CaseDecision.class)
                .setParameter("id", caseId).getResultStream().findFirst();
    }

    public Optional<CaseAppeal> findAppeal(UUID appealId) {
        return Optional.ofNullable(getEntityManager().find(CaseAppeal.class, appealId));
    }

    public boolean hasPendingAppeal(UUID caseId) {
        return getEntityManager().createQuery("select count(a) from CaseAppeal a where a.caseId = :id"
                        + " and a.outcome is null", Long.class)
                .setParameter("id", caseId).getSingleResult() > 0;
    }

    public void persistDecision(CaseDecision decision) {
        getEntityManager().persist(decision);
        getEntityManager().flush();
    }

    public void persistAppeal(CaseAppeal appeal) {
        getEntityManager().persist(appeal);
        getEntityManager().flush();
    }
}
