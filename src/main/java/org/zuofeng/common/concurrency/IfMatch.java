package org.zuofeng.common.concurrency;

import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code If-Match} precondition of every change to an existing resource (RFC 9110 §13.1.1, strong comparison):
 * missing → 428, not matching the current version → 412. {@code *} matches any current version.
 */
public final class IfMatch {

    private final boolean any;
    private final List<String> tags;

    private IfMatch(boolean any, List<String> tags) {
        this.any = any;
        this.tags = tags;
    }

    /** Parses the header; a change without it is refused with 428. */
    public static IfMatch required(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(ErrorCode.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the version you are changing");
        }
        if (header.trim().equals("*")) {
            return new IfMatch(true, List.of());
        }
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            tags.add(part.trim());
        }
        return new IfMatch(false, tags);
    }

    /** Throws 412 unless the header matches {@code currentVersion}. */
    public void check(long currentVersion) {
        if (!any && !tags.contains(EntityTags.of(currentVersion))) {
            throw new ProblemException(ErrorCode.VERSION_MISMATCH,
                    "The resource is at another version; fetch it again, reapply your change and retry");
        }
    }
}
