package org.zuofeng.evidence;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where evidence bytes live: a content-addressed store, keyed by SHA-256. Content is staged while it streams in
 * (hashed and counted, never held in memory), then kept under its digest or discarded. The embedded default is a
 * directory ({@link FileSystemEvidenceStorage}); an object store (S3-compatible) would implement the same contract.
 */
public interface EvidenceStorage {

    /** Content received but not yet kept. */
    record Staged(String handle, String sha256, long size) {
    }

    /** Thrown by {@link #stage} when the content exceeds the limit; nothing is left behind. */
    class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("content exceeds " + limit + " bytes");
        }
    }

    /** Streams {@code content} into staging, hashing and counting it; beyond {@code maxBytes}, {@link TooLarge}. */
    Staged stage(InputStream content, long maxBytes) throws IOException;

    /** The first bytes of staged content, for sniffing its type. */
    InputStream openStaged(Staged staged) throws IOException;

    /** Keeps staged content under its digest; true when this call stored it, false when it was already there. */
    boolean keep(Staged staged) throws IOException;

    /** Forgets staged content. */
    void discard(Staged staged);

    /**
     * Removes kept content. Only the sweeper calls it, for content no record references and no upload has claimed
     * for its grace period ({@link BlobSweeper}); nothing on a request path ever does.
     */
    void remove(String sha256) throws IOException;

    /** Kept content, {@code length} bytes from {@code offset}. */
    InputStream open(String sha256, long offset, long length) throws IOException;
}
