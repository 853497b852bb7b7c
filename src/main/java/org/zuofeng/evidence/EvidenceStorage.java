package org.zuofeng.evidence;

import org.zuofeng.common.crypto.Sealing;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where evidence bytes live: a content-addressed store, keyed by the SHA-256 of the clear content, sealed at rest
 * ({@link Sealing}: a data key per content, wrapped in its {@code evidence_blobs} row). Content is staged while it
 * streams in (sealed, hashed and counted, never held in memory), then kept under its digest or discarded. The
 * embedded default is a directory ({@link FileSystemEvidenceStorage}); an object store (S3-compatible) would implement
 * the same contract.
 */
public interface EvidenceStorage {

    /** Content received but not yet kept, sealed under {@code key} (held in memory only for this request). */
    record Staged(String handle, String sha256, long size, Sealing.DataKey key) {
    }

    /** Thrown by {@link #stage} when the content exceeds the limit; nothing is left behind. */
    class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("content exceeds " + limit + " bytes");
        }
    }

    /** Thrown by {@link #open} for content destroyed when its retention ended: its key is gone for good. */
    class Destroyed extends IOException {
        public Destroyed(String sha256) {
            super("the content " + sha256 + " was destroyed when its retention ended");
        }
    }

    /** Streams {@code content} into staging, hashing and counting it; beyond {@code maxBytes}, {@link TooLarge}. */
    Staged stage(InputStream content, long maxBytes) throws IOException;

    /** Staged content, in clear, from its start. */
    InputStream openStaged(Staged staged) throws IOException;

    /**
     * Keeps staged content under its digest, with its wrapped data key; true when this call stored it, false when it
     * was already there. Called in the transaction that holds the content's claim ({@link BlobRepository#claim}).
     */
    boolean keep(Staged staged) throws IOException;

    /** Forgets staged content. */
    void discard(Staged staged);

    /**
     * Removes kept content. Only the sweeper calls it, for content no record references and no upload has claimed
     * for its grace period ({@link BlobSweeper}); nothing on a request path ever does.
     */
    void remove(String sha256) throws IOException;

    /**
     * Kept content, in clear, {@code length} bytes from {@code offset}; {@link Destroyed} when its retention ended,
     * {@link Sealing.Damaged} (on open or on a read) when its sealed bytes fail their check.
     */
    InputStream open(String sha256, long offset, long length) throws IOException;

    /**
     * Seals content an earlier version kept in clear, checked against its digest before its key is recorded, in the
     * transaction that holds its row; false when there was no clear file to seal.
     */
    boolean sealClear(String sha256) throws IOException;

    /** Removes what is left in clear of content already sealed (after its sealing committed). */
    void removeClear(String sha256) throws IOException;

    /** Removes the sealed files of content whose key was destroyed (in a transaction that committed before). */
    void removeSealed(String sha256) throws IOException;
}
