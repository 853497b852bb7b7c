package org.zuofeng.common.concurrency;

/** A read model with a version: responses carrying one get {@code ETag: "<version>-<hash>"} ({@link EntityTags}). */
public interface Versioned {

    long version();
}
