package org.zuofeng.evidence;

/**
 * A feature, other than evidence, whose records reference content in the evidence store (a public report's
 * attachments, say): the sweeper ({@link BlobSweeper}) keeps whatever any referrer references. Evidence names none of
 * their tables; each referrer answers for its own.
 */
public interface BlobReferrer {

    /**
     * SQL: a condition that is true when a record of the feature references the content whose SHA-256 is the column
     * {@code sha256Column}, e.g. {@code exists (select 1 from attachments a where a.sha256 = b.sha256)}.
     */
    String references(String sha256Column);
}
