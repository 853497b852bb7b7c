package org.zuofeng.common.paging;

import java.util.function.Function;

/**
 * A field a list may be sorted by: its API name, the HQL path on the query's alias {@code e}, how to read it from a
 * row for the cursor, and its type for reading it back. Sort fields are never null.
 */
public record SortField<E>(String name, String path, Function<E, Object> getter, Class<?> type) {

    public static <E> SortField<E> of(String name, String path, Function<E, Object> getter, Class<?> type) {
        return new SortField<>(name, path, getter, type);
    }
}
