package org.zuofeng.common.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code items}, the cursor of the {@code next} page (absent on the last page) and, when asked
 * for with {@code count=true}, the {@code totalCount} of everything the filters match.
 */
public record Page<T>(List<T> items, String next, Long totalCount) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next, totalCount);
    }
}
