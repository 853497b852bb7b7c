package org.zuofeng.common.paging;

import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

/**
 * A validated list request: page size (default 50, larger than 500 clamped, below 1 rejected), the opaque cursor of
 * the previous page, and whether the total count is wanted.
 */
public record PageRequest(int limit, String cursor, boolean count) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(Integer limit, String cursor, Boolean count) {
        if (limit != null && limit < 1) {
            throw ProblemException.invalidParameter("limit", Text.of("field.atLeastOne"));
        }
        int size = limit == null ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : cursor, Boolean.TRUE.equals(count));
    }
}
