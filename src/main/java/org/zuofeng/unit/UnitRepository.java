package org.zuofeng.unit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Units, and the tree operations on them. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, UUID> {

    /** Serialises changes to the shape of the tree (create, move, dissolve) for the rest of the transaction. */
    private static final long TREE_LOCK = 0x5A46_0001L;

    public Optional<Unit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The unit, locked against changes (dissolving) until the transaction ends. */
    public Optional<Unit> findForShare(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }

    /** The unit, locked for an exclusive change until the transaction ends. */
    public Optional<Unit> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The names of these units, by id. */
    public Map<UUID, String> namesOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select u.id, u.name from Unit u where u.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (String) row[1]));
    }

    /** These units, locked for an exclusive change until the transaction ends, by id; those that exist. */
    Map<UUID, Unit> forUpdate(Collection<UUID> ids) {
        return getEntityManager().createQuery("select u from Unit u where u.id in :ids order by u.id", Unit.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .collect(Collectors.toMap(u -> u.id, u -> u));
    }

    /** The active units right below {@code parentId}. */
    List<Unit> activeChildren(UUID parentId) {
        return list("parentId = ?1 and status = ?2 order by id", parentId, UnitStatus.ACTIVE);
    }

    /** The path of a unit placed under {@code parent}: the parent's path and the parent ({@code null}: a root). */
    static UUID[] pathUnder(Unit parent) {
        if (parent == null) {
            return new UUID[0];
        }
        return Stream.concat(Arrays.stream(parent.path), Stream.of(parent.id)).toArray(UUID[]::new);
    }

    public long countActiveChildren(UUID parentId) {
        return count("parentId = ?1 and status = ?2", parentId, UnitStatus.ACTIVE);
    }

    /** The units {@code roots} and every unit below them. */
    public Set<UUID> subtreeIds(Collection<UUID> roots) {
        if (roots.isEmpty()) {
            return Set.of();
        }
        Set<UUID> ids = new HashSet<>();
        for (UUID root : roots) {
            ids.addAll(getEntityManager()
                    .createQuery("select u.id from Unit u where u.id = :root or array_contains(u.path, :root)",
                            UUID.class)
                    .setParameter("root", root).getResultList());
        }
        return ids;
    }

    public void lockTree() {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(:key)")
                .setParameter("key", TREE_LOCK).getSingleResult();
    }

    /**
     * Rewrites the paths of every descendant of {@code unit} after it moved (its own row already flushed): each
     * descendant keeps the part of its path below the unit and takes the unit's new ancestry above it.
     */
    public int movePathsBelow(Unit unit, Instant now, String by) {
        return getEntityManager().createNativeQuery("""
                        update units d
                        set path = m.path || m.id || d.path[array_position(d.path, m.id) + 1:],
                            version = d.version + 1, updated_at = :now, updated_by = :by
                        from units m
                        where m.id = :id and d.path @> array[m.id]""")
                .setParameter("id", unit.id).setParameter("now", now).setParameter("by", by)
                .executeUpdate();
    }
}
