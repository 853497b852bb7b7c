package org.zuofeng.common.concurrency;

import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code If-Match} precondition of every change to an existing resource (RFC 9110 §13.1.1, strong comparison):
 * missing → 428, not matching the current version → 412. The precondition must name a version: {@code *} (which
 * RFC 9110 lets match any current representation) would turn optimistic locking off, so it is refused like a missing
 * header.
 */
public final class IfMatch {

    private final List<String> tags;

    private IfMatch(List<String> tags) {
        this.tags = tags;
    }

    /** Parses the header; a change without it, or with {@code *} for a version, is refused with 428. */
    public static IfMatch required(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(ErrorCode.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the version you are changing");
        }
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.trim();
            if (tag.equals("*")) {
                throw new ProblemException(ErrorCode.PRECONDITION_REQUIRED,
                        "If-Match: * would change whatever version is current; send the ETag of the version you "
                                + "are changing");
            }
            tags.add(tag);
        }
        return new IfMatch(tags);
    }

    /** Throws 412 unless the header matches {@code currentVersion}. */
    public void check(long currentVersion) {
        if (!tags.contains(EntityTags.of(currentVersion))) {
            throw new ProblemException(ErrorCode.VERSION_MISMATCH,
                    "The resource is at another version; fetch it again, reapply your change and retry");
        }
    }
}
