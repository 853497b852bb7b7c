package org.zuofeng.common.paging;

import java.util.List;

/**
 * How a feature makes the read models of its records: a page at a time, each related table read once for the whole
 * page; a single record is a page of one.
 */
public interface PageViews<E, V> {

    /** The views of {@code records}, in their order. */
    List<V> of(List<E> records);

    default V of(E record) {
        return of(List.of(record)).get(0);
    }
}
