package org.zuofeng.common.paging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.zuofeng.common.security.Condition;

import java.util.Optional;
import java.util.UUID;

/**
 * Single records read as a {@link Projection}, as {@link KeysetPager} reads pages of them: one statement, no entity.
 */
@ApplicationScoped
public class Projections {

    private final EntityManager em;

    public Projections(EntityManager em) {
        this.em = em;
    }

    /** The record of {@code type} with this id, read as {@code projection}, if it satisfies {@code visible}. */
    public <V> Optional<V> one(Class<?> type, UUID id, Optional<Condition> visible, Projection<V> projection) {
        TypedQuery<Object[]> query = em.createQuery("select " + projection.select() + " from "
                + em.getMetamodel().entity(type).getName() + " e where e.id = :readId"
                + visible.map(c -> " and (" + c.hql() + ")").orElse(""), Object[].class)
                .setParameter("readId", id);
        projection.parameters().forEach(query::setParameter);
        visible.ifPresent(c -> c.parameters().forEach(query::setParameter));
        return query.getResultList().stream().findFirst().map(projection.reader());
    }
}
