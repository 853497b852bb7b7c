package org.zuofeng.evidence;

import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

/**
 * A single HTTP byte range (RFC 9110 §14): {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}. Several
 * ranges, or a header of another unit or form, are ignored (the whole content is sent); a range wholly beyond the
 * content is a 416.
 */
final class ByteRange {

    private ByteRange() {
    }

    /** The first and last byte (inclusive), or null to send everything. */
    static long[] parse(String header, long total) {
        String value = header.trim();
        if (!value.startsWith("bytes=") || value.contains(",")) {
            return null;
        }
        String spec = value.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0) {
                    throw unsatisfiable(total);
                }
                return new long[] {Math.max(0, total - suffix), total - 1};
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? total - 1 : Math.min(Long.parseLong(last), total - 1);
            if (start >= total || end < start) {
                if (!last.isEmpty() && Long.parseLong(last) < start) {
                    return null;
                }
                throw unsatisfiable(total);
            }
            return new long[] {start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ProblemException unsatisfiable(long total) {
        return new ProblemException(ErrorCode.RANGE_NOT_SATISFIABLE, Text.of("evidence.contentHasBytes", total))
                .withHeader("Content-Range", "bytes */" + total);
    }
}
