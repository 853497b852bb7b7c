package org.zuofeng.common.paging;

import java.util.Map;
import java.util.function.Function;

/**
 * What a list reads of each row: an HQL select list on the query's alias {@code e} (nested members aggregated in
 * PostgreSQL, e.g. with {@code json_arrayagg(json_object(…) null on null order by …)}: an object is never null, and
 * without {@code null on null} Hibernate has PostgreSQL build each one twice, the second time to leave nulls out), the
 * values of the parameters it names, and how a row of it becomes the view. A list read this way builds no entity:
 * nothing enters the persistence context, nothing is flushed or dirty-checked.
 */
public record Projection<V>(String select, Map<String, Object> parameters, Function<Object[], V> reader) {

    public Projection {
        parameters = Map.copyOf(parameters);
    }

    /** The entity itself: the list's rows as entities of {@code type}. */
    static <E> Projection<E> entity(Class<E> type) {
        return new Projection<>("e", Map.of(), row -> type.cast(row[0]));
    }
}
