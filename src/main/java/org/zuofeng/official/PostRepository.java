package org.zuofeng.official;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.security.Condition;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Posts, and the questions asked of them by date. */
@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    /** HQL: post {@code p} is held on {@code :day}. */
    static final String HELD_ON = "p.startDate <= :day and (p.endDate is null or p.endDate >= :day)";

    /** The posts of these officials held on the day, in start order. */
    public List<Post> heldOn(Collection<UUID> officialIds, LocalDate day) {
        return heldOn(officialIds, day, Optional.empty());
    }

    /** The posts of these officials held on the day that satisfy {@code visible} (on alias {@code e}). */
    public List<Post> heldOn(Collection<UUID> officialIds, LocalDate day, Optional<Condition> visible) {
        if (officialIds.isEmpty()) {
            return List.of();
        }
        var query = getEntityManager().createQuery("select e from Post e where e.officialId in :officials and "
                        + HELD_ON.replace("p.", "e.") + visible.map(c -> " and (" + c.hql() + ")").orElse("")
                        + " order by e.startDate, e.id", Post.class)
                .setParameter("officials", officialIds).setParameter("day", day);
        visible.ifPresent(c -> c.parameters().forEach(query::setParameter));
        return query.getResultList();
    }

    /** The posts in this unit held on the day. */
    public List<Post> inUnitOn(UUID unitId, LocalDate day) {
        return getEntityManager().createQuery("select p from Post p where p.unitId = :unit and " + HELD_ON
                        + " order by p.startDate, p.id", Post.class)
                .setParameter("unit", unitId).setParameter("day", day).getResultList();
    }

    /**
     * The posts in these units held at some time between the two days, in start order: one query for callers that
     * need each unit's posts on a different day and pick them with {@link Post#activeOn}.
     */
    public List<Post> inUnitsBetween(Collection<UUID> unitIds, LocalDate from, LocalDate to) {
        return overlapping("p.unitId", unitIds, from, to);
    }

    /** The posts of these officials held at some time between the two days, in start order (as above). */
    public List<Post> heldBetween(Collection<UUID> officialIds, LocalDate from, LocalDate to) {
        return overlapping("p.officialId", officialIds, from, to);
    }

    private List<Post> overlapping(String column, Collection<UUID> ids, LocalDate from, LocalDate to) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select p from Post p where " + column + " in :ids"
                        + " and p.startDate <= :to and (p.endDate is null or p.endDate >= :from)"
                        + " order by p.startDate, p.id", Post.class)
                .setParameter("ids", ids).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** The units where the official holds a post on the day. */
    public List<UUID> unitsHeldBy(UUID officialId, LocalDate day) {
        return getEntityManager().createQuery("select distinct p.unitId from Post p where p.officialId = :official"
                        + " and " + HELD_ON, UUID.class)
                .setParameter("official", officialId).setParameter("day", day).getResultList();
    }

    /** Those of {@code subjects} whose linked official holds a post on the day in one of {@code unitIds}. */
    public List<String> subjectsInPostIn(Collection<String> subjects, Collection<UUID> unitIds, LocalDate day) {
        if (subjects.isEmpty() || unitIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select distinct o.accountSubject from Official o, Post p"
                        + " where p.officialId = o.id and o.accountSubject in :subjects and p.unitId in :units and "
                        + HELD_ON, String.class)
                .setParameter("subjects", subjects).setParameter("units", unitIds).setParameter("day", day)
                .getResultList();
    }

    /** Those of {@code officialIds} who hold a post on the day in one of {@code unitIds}. */
    public List<UUID> officialsInPostIn(Collection<UUID> officialIds, Collection<UUID> unitIds, LocalDate day) {
        if (officialIds.isEmpty() || unitIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select distinct p.officialId from Post p"
                        + " where p.officialId in :officials and p.unitId in :units and " + HELD_ON, UUID.class)
                .setParameter("officials", officialIds).setParameter("units", unitIds).setParameter("day", day)
                .getResultList();
    }

    /** Posts in the unit that are held on the day or later. */
    public long countNotEndedBy(UUID unitId, LocalDate day) {
        return count("unitId = ?1 and (endDate is null or endDate >= ?2)", unitId, day);
    }

    /**
     * Another post of {@code role} (a principal's, or an acting principal's) in the unit whose term overlaps
     * {@code [start, end]} ({@code end} null: open).
     */
    public Optional<Post> overlappingHead(UUID unitId, PostRole role, LocalDate start, LocalDate end, UUID except) {
        var query = getEntityManager().createQuery("""
                        select p from Post p
                        where p.unitId = :unit and p.role = :role and p.id <> :except
                          and (p.endDate is null or p.endDate >= :start)"""
                        + (end == null ? "" : " and p.startDate <= :end") + " order by p.startDate", Post.class)
                .setParameter("unit", unitId).setParameter("role", role)
                .setParameter("except", except).setParameter("start", start);
        if (end != null) {
            query.setParameter("end", end);
        }
        return query.setMaxResults(1).getResultStream().findFirst();
    }
}
