package org.zuofeng.support;

import org.zuofeng.common.paging.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A list read page after page, as a client follows {@code next}. */
public final class AllPages {

    private AllPages() {
    }

    /** The items of every page, up to about {@code most}; {@code page} reads the page at a cursor (null: the first). */
    public static <T> List<T> read(Function<String, Page<T>> page, int most) {
        List<T> read = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> next = page.apply(cursor);
            read.addAll(next.items());
            cursor = next.next();
        } while (cursor != null && read.size() < most);
        return read;
    }
}
