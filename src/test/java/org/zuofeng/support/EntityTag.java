package org.zuofeng.support;

import org.hamcrest.Matcher;

import static org.hamcrest.Matchers.matchesPattern;

/** The form of a versioned resource's ETag, {@code "<version>-<hash>"}, for assertions that name only the version. */
public final class EntityTag {

    private EntityTag() {
    }

    /** Matches the ETag of a resource at {@code version}, whatever the hash of its representation. */
    public static Matcher<String> ofVersion(long version) {
        return matchesPattern("\"" + version + "-[A-Za-z0-9_-]{11}\"");
    }
}
