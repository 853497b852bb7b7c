package org.zuofeng.common.paging;

import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list's sort whitelist ({@code ?sort=-updatedAt,name}) and default; the id is always the last key, so that keyset
 * paging has a total order.
 */
public final class Sorting<E> {

    /** One sort key and its direction. */
    public record Order<E>(SortField<E> field, boolean descending) {
    }

    private final Map<String, SortField<E>> allowed = new LinkedHashMap<>();
    private final SortField<E> tiebreaker;
    private final String defaultSort;

    @SafeVarargs
    public Sorting(String defaultSort, SortField<E> tiebreaker, SortField<E>... fields) {
        this.tiebreaker = tiebreaker;
        this.defaultSort = defaultSort;
        Arrays.stream(fields).forEach(f -> allowed.put(f.name(), f));
    }

    /** The orders of {@code sort}, or of the default when it is absent; unknown or repeated fields are a 400. */
    public List<Order<E>> parse(String sort) {
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        List<Order<E>> orders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : spec.split(",")) {
            String token = part.trim();
            boolean descending = token.startsWith("-");
            String name = descending || token.startsWith("+") ? token.substring(1) : token;
            SortField<E> field = allowed.get(name);
            if (field == null) {
                throw ProblemException.invalidParameter("sort",
                        Text.of("field.cannotSortAllowed", name, String.join(", ", allowed.keySet())));
            }
            if (!seen.add(name)) {
                throw ProblemException.invalidParameter("sort", Text.of("field.givenTwice", name));
            }
            orders.add(new Order<>(field, descending));
        }
        if (!seen.contains(tiebreaker.name())) {
            orders.add(new Order<>(tiebreaker, false));
        }
        return orders;
    }

    /** By id alone: the order of a copy taken record by record (sync), never one a client asks for. */
    public List<Order<E>> byId() {
        return List.of(new Order<>(tiebreaker, false));
    }

    /** The canonical form of the parsed orders, part of what a cursor is bound to. */
    static String canonical(List<? extends Order<?>> orders) {
        StringBuilder out = new StringBuilder();
        for (Order<?> order : orders) {
            out.append(order.descending() ? "-" : "+").append(order.field().name()).append(',');
        }
        return out.toString();
    }
}
