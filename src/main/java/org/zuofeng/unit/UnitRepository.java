package org.zuofeng.unit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Units, and the tree operations on them. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, UUID> {

    /** Serialises changes to the shape of the tree (create, move, dissolve) for the rest of the transaction. */
    private static final long TREE_LOCK = 0x5A46_0001L;

    public Optional<Unit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public long countActiveChildren(UUID parentId) {
        return count("parentId = ?1 and status = ?2", parentId, UnitStatus.ACTIVE);
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
