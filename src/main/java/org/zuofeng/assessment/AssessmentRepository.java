package org.zuofeng.assessment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Assessments and their objections. */
@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    public Optional<Assessment> findBySubject(UUID schemeId, UUID officialId, UUID unitId) {
        return officialId != null
                ? find("schemeId = ?1 and officialId = ?2", schemeId, officialId).firstResultOptional()
                : find("schemeId = ?1 and officialId is null and unitId = ?2", schemeId, unitId).firstResultOptional();
    }

    /** Every assessment of the scheme in the unit, whatever its status (the quota's denominator). */
    public long countInUnit(UUID schemeId, UUID unitId) {
        return count("schemeId = ?1 and unitId = ?2", schemeId, unitId);
    }

    /** The excellent grades of the scheme in the unit that are out in public notice or final. */
    public long countExcellentShown(UUID schemeId, UUID unitId) {
        return count("schemeId = ?1 and unitId = ?2 and grade = ?3 and status in ?4", schemeId, unitId,
                Grade.EXCELLENT, List.of(AssessmentStatus.PUBLIC_NOTICE, AssessmentStatus.FINAL));
    }

    /** Advisory-lock namespace of the two-strikes rule (the key within it is the official). */
    private static final int TWO_STRIKES_LOCK = 0x5A46_0002;

    /**
     * Holds, until the transaction ends, the lock under which the two-strikes rule is applied to this official, so
     * that two of their reviews becoming final at once are judged one after the other.
     */
    public void lockTwoStrikesOf(UUID officialId) {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(:space, hashtext(:official))")
                .setParameter("space", TWO_STRIKES_LOCK).setParameter("official", officialId.toString())
                .getSingleResult();
    }

    /** A village cadre's final assessment of a year. */
    public Optional<Assessment> finalVillageAssessment(UUID officialId, int year) {
        return find("officialId = ?1 and subjectType = ?2 and year = ?3 and status = ?4", officialId,
                SubjectType.VILLAGE_CADRE, year, AssessmentStatus.FINAL).firstResultOptional();
    }

    public void persistObjection(Objection objection) {
        getEntityManager().persist(objection);
        getEntityManager().flush();
    }

    public Optional<Objection> findObjection(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Objection.class, id));
    }

    public boolean hasPendingObjections(UUID assessmentId) {
        return getEntityManager().createQuery("select count(o) from Objection o where o.assessmentId = :id"
                        + " and o.outcome is null", Long.class)
                .setParameter("id", assessmentId).getSingleResult() > 0;
    }

    /** The objections of each assessment, oldest first. */
    public Map<UUID, List<Objection>> objectionsOf(Collection<UUID> assessmentIds) {
        if (assessmentIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select o from Objection o where o.assessmentId in :ids"
                        + " order by o.createdAt, o.id", Objection.class)
                .setParameter("ids", assessmentIds).getResultStream()
                .collect(Collectors.groupingBy(o -> o.assessmentId));
    }
}
