package org.zuofeng.common.concurrency;

/** A read model with a version: responses carrying one get {@code ETag: "<version>"}. */
public interface Versioned {

    long version();
}
