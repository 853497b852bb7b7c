package org.zuofeng.common.web;

import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Multi-valued query filters, given comma-separated ({@code ?status=ACTIVE,DISSOLVED}). */
public final class QueryValues {

    private QueryValues() {
    }

    /** The enum values of a comma-separated filter; empty when absent; a 400 naming the parameter when unknown. */
    public static <E extends Enum<E>> Set<E> enums(String parameter, String raw, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (raw == null || raw.isBlank()) {
            return values;
        }
        for (String token : raw.split(",")) {
            try {
                values.add(Enum.valueOf(type, token.trim()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidParameter(parameter, Text.of("field.commaSeparatedList",
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
            }
        }
        return values;
    }
}
