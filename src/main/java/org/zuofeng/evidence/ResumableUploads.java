package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.crypto.SealedTable;
import org.zuofeng.common.crypto.Sealing;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Resumable uploads of evidence (tus 1.0): created with the evidence's id, owner, SHA-256 and type; appended chunk
 * by chunk at the offset the server has (each chunk checked against its own checksum when the client sends one);
 * on the last byte checked whole and attached exactly as an ordinary upload is ({@link EvidenceUploads}), or
 * discarded with the problem. Bytes the server already keeps complete the upload at once. Memory stays flat: a
 * chunk streams to the upload's file, the whole is streamed once more to be kept. Unfinished uploads expire.
 */
@ApplicationScoped
public class ResumableUploads {

    /** The checksum algorithms of tus' checksum extension this server verifies. */
    public static final List<String> CHECKSUMS = List.of("sha1", "sha256");

    private static final Logger LOG = Logger.getLogger(ResumableUploads.class);

    /** Uploads keep their pieces' data keys. */
    @Produces
    @Singleton
    static final SealedTable TABLE = new SealedTable("uploads", "id");

    /** What the creation says the upload becomes. */
    public record Declared(UUID evidenceId, EvidenceService.Owner owner, String sha256, String mediaType,
            String fileName, Instant capturedAt, String captureStatement) {
    }

    private final EntityManager em;
    private final EvidenceUploads uploads;
    private final EvidenceHolders holders;
    private final EvidenceStorage storage;
    private final MediaPolicy media;
    private final UploadFence fence;
    private final UploadParts parts;
    private final EvidenceService evidence;
    private final Caller caller;
    private final Sealing sealing;
    private final Clock clock;
    private final Duration expiry;
    private final long maxChunk;

    public ResumableUploads(EntityManager em, EvidenceUploads uploads, EvidenceHolders holders,
            EvidenceStorage storage, MediaPolicy media, UploadFence fence, UploadParts parts, EvidenceService evidence,
            Caller caller, Sealing sealing, Clock clock, EvidenceConfig config) {
        this.em = em;
        this.uploads = uploads;
        this.holders = holders;
        this.storage = storage;
        this.media = media;
        this.fence = fence;
        this.parts = parts;
        this.evidence = evidence;
        this.caller = caller;
        this.sealing = sealing;
        this.clock = clock;
        this.expiry = config.uploads().uploadExpiry();
        this.maxChunk = config.uploads().maxChunk().asLongValue();
    }

    /** The largest upload the server takes (the largest evidence of any type). */
    public long maxSize() {
        return media.largestLimit();
    }

    /**
     * Begins an upload. If the server already keeps the bytes and the caller may read evidence made of them, it is
     * complete at once; otherwise the client sends them (the server never confirms what it keeps to anyone else).
     */
    public ResumableUpload create(Declared declared, long length) {
        String type = media.accepted(declared.mediaType()).orElseThrow(() -> new ProblemException(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE, Text.of("evidence.mediaTypes")));
        if (length > media.limitFor(type)) {
            throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, Text.of("evidence.evidenceLimitedBytes", type,
                    media.limitFor(type)));
        }
        ResumableUpload upload = QuarkusTransaction.requiringNew().call(() -> {
            holders.of(declared.owner()).requireMayAdd(declared.owner().id());
            ResumableUpload made = new ResumableUpload();
            made.id = UUID.randomUUID();
            made.subject = caller.subject();
            made.ownerKind = declared.owner().kind();
            made.ownerId = declared.owner().id();
            made.evidenceId = declared.evidenceId();
            made.sha256 = declared.sha256();
            made.mediaType = type;
            made.fileName = declared.fileName();
            made.capturedAt = declared.capturedAt();
            made.captureStatement = declared.captureStatement();
            made.length = length;
            made.createdAt = clock.instant();
            made.expiresAt = made.createdAt.plus(expiry);
            Sealing.DataKey key = sealing.newKey();
            Sealing.Wrapped wrapped = sealing.wrap(key, TABLE.owner(made.id));
            made.keyRef = key.ref();
            made.wrappedKey = wrapped.bytes();
            made.kekId = wrapped.kekId();
            em.persist(made);
            return made;
        });
        if (!QuarkusTransaction.requiringNew().call(() -> evidence.readableWithContent(declared.sha256()))) {
            return upload;
        }
        try (InputStream kept = storage.open(declared.sha256(), 0, length)) {
            attach(upload, kept);
        } catch (IOException notKeptYet) {
            return upload;
        } catch (RuntimeException refused) {
            discard(upload.id);
            throw refused;
        }
        return complete(upload.id);
    }

    /** The upload, for its uploader only (404 for anyone else); 410 once it has expired. */
    public ResumableUpload find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> current(id));
    }

    /**
     * Appends a chunk at {@code offset}, which must be where the upload stands (409 otherwise, and 409 while another
     * request, on any replica, appends to it: it holds the upload's fence); checked against {@code checksum}
     * ({@code <algorithm> <base64>}) when given (460, and the chunk dropped, if it does not match). The last chunk
     * completes the upload: the whole is checked and attached, or discarded with the problem.
     */
    public ResumableUpload append(UUID id, long offset, InputStream chunk, String checksum) {
        MessageDigest expected = checksum == null ? null : digestOf(checksum);
        ResumableUpload upload = find(id);
        if (upload.completed) {
            if (offset != upload.length) {
                throw offsetMismatch(upload);
            }
            return upload;
        }
        if (offset != upload.offset) {
            throw offsetMismatch(upload);
        }
        String holder = fence.newHolder();
        if (!fence.take(id, offset, holder)) {
            ResumableUpload now = find(id);
            throw now.offset != offset || now.completed ? offsetMismatch(now) : UploadParts.fenceLost();
        }
        long at = offset;
        try {
            Sealing.DataKey key = keyOf(upload);
            if (offset < upload.length) {
                UploadParts.Received received = parts.append(id, key, offset, Math.min(maxChunk, upload.length - offset),
                        maxChunk, chunk, expected, expected == null ? null : checksumValue(checksum),
                        () -> fence.renew(id, holder));
                at = offset + received.bytes();
                if (!fence.advance(id, at, at == upload.length, holder)) {
                    throw UploadParts.fenceLost();
                }
                if (received.cutShort()) {
                    LOG.debugf("Upload %s: the client stopped sending; it stands at %d", id, at);
                    throw new ProblemException(ErrorCode.UPLOAD_OFFSET_MISMATCH,
                            Text.of("evidence.chunkWasCutShortUpload", at)).withHeader("Upload-Offset",
                            String.valueOf(at));
                }
                if (at < upload.length) {
                    return find(id);
                }
            }
            try (InputStream whole = parts.open(id, key)) {
                attach(upload, whole);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException refused) {
                discard(id);
                throw refused;
            }
            return complete(id);
        } finally {
            fence.release(id, holder);
        }
    }

    /** Removes uploads past their expiry, with their bytes. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        List<UUID> gone = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select u.id from ResumableUpload u where u.expiresAt < :now", UUID.class)
                .setParameter("now", clock.instant()).setMaxResults(1000).getResultList());
        gone.forEach(this::discard);
    }

    /**
     * The data key of the upload's pieces. An upload an earlier version began has none, and its bytes so far in clear:
     * they are sealed into its first piece under a new key, and the clear file goes once that key has committed.
     */
    private Sealing.DataKey keyOf(ResumableUpload upload) {
        if (upload.keyRef != null) {
            try {
                return sealing.unwrap(upload.keyRef, upload.wrappedKey, TABLE.owner(upload.id));
            } catch (Sealing.Damaged e) {
                throw new UncheckedIOException(e);
            }
        }
        Sealing.DataKey key = sealing.newKey();
        Sealing.Wrapped wrapped = sealing.wrap(key, TABLE.owner(upload.id));
        try {
            parts.sealClear(upload.id, key);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update uploads set key_ref = :ref, wrapped_key = :wrapped, kek_id = :kek where id = :id")
                    .setParameter("ref", key.ref()).setParameter("wrapped", wrapped.bytes())
                    .setParameter("kek", wrapped.kekId()).setParameter("id", upload.id).executeUpdate());
            parts.clearSealed(upload.id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    private ResumableUpload current(UUID id) {
        ResumableUpload upload = em.find(ResumableUpload.class, id);
        if (upload == null || !upload.subject.equals(caller.subject())) {
            throw ProblemException.notFound("upload", id);
        }
        if (!upload.completed && upload.expiresAt.isBefore(clock.instant())) {
            throw new ProblemException(ErrorCode.UPLOAD_EXPIRED, Text.of("evidence.uploadExpiredAtStartNew", id,
                    upload.expiresAt));
        }
        em.detach(upload);
        return upload;
    }

    /** Attaches the bytes as the declared evidence, exactly as an ordinary upload would. */
    private void attach(ResumableUpload upload, InputStream bytes) {
        uploads.upload(upload.owner(), new EvidenceUpload(bytes, upload.mediaType, upload.length, upload.sha256,
                upload.capturedAt, upload.fileName, upload.evidenceId, upload.captureStatement));
    }

    private ResumableUpload complete(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                        "update ResumableUpload u set u.completed = true, u.offset = u.length where u.id = :id")
                .setParameter("id", id).executeUpdate());
        parts.delete(id);
        return find(id);
    }

    private void discard(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from ResumableUpload u where u.id = :id")
                .setParameter("id", id).executeUpdate());
        parts.delete(id);
    }


    private static ProblemException offsetMismatch(ResumableUpload upload) {
        return new ProblemException(ErrorCode.UPLOAD_OFFSET_MISMATCH, Text.of("evidence.uploadAtOffsetContinueFrom",
                upload.offset)).withHeader("Upload-Offset", String.valueOf(upload.offset));
    }

    private static final Map<String, String> ALGORITHMS = Map.of("sha1", "SHA-1", "sha256", "SHA-256");

    private static MessageDigest digestOf(String checksum) {
        String algorithm = checksum.trim().split(" ", 2)[0];
        String name = ALGORITHMS.get(algorithm);
        if (name == null) {
            throw ProblemException.invalidParameter("Upload-Checksum", Text.of("field.algorithmOne", String.join(", ",
                    CHECKSUMS)));
        }
        checksumValue(checksum);
        return Digests.of(name);
    }

    private static byte[] checksumValue(String checksum) {
        String[] parts = checksum.trim().split(" ", 2);
        try {
            return Base64.getDecoder().decode(parts.length == 2 ? parts[1].trim() : "");
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("Upload-Checksum", Text.of("field.algorithmBaseDigest"));
        }
    }
}
