package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.Caller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

    private static final int BUFFER = 64 * 1024;

    /** What the creation says the upload becomes. */
    public record Declared(UUID evidenceId, EvidenceService.Owner owner, String sha256, String mediaType,
            String fileName, Instant capturedAt) {
    }

    private final EntityManager em;
    private final EvidenceUploads uploads;
    private final EvidenceHolders holders;
    private final EvidenceStorage storage;
    private final MediaPolicy media;
    private final Caller caller;
    private final Clock clock;
    private final Path directory;
    private final Duration expiry;
    private final long maxChunk;
    private final Set<UUID> appending = ConcurrentHashMap.newKeySet();

    public ResumableUploads(EntityManager em, EvidenceUploads uploads, EvidenceHolders holders,
            EvidenceStorage storage, MediaPolicy media, Caller caller, Clock clock, EvidenceConfig config) {
        this.em = em;
        this.uploads = uploads;
        this.holders = holders;
        this.storage = storage;
        this.media = media;
        this.caller = caller;
        this.clock = clock;
        this.directory = Path.of(config.evidence().dir()).toAbsolutePath().resolve("uploads");
        this.expiry = config.uploads().uploadExpiry();
        this.maxChunk = config.uploads().maxChunk().asLongValue();
    }

    /** The largest upload the server takes (the largest evidence of any type). */
    public long maxSize() {
        return media.largestLimit();
    }

    /** Begins an upload; if the server already has the bytes (or the evidence), it is complete at once. */
    public ResumableUpload create(Declared declared, long length) {
        String type = media.accepted(declared.mediaType()).orElseThrow(() -> new ProblemException(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Evidence must be JPEG, PNG, HEIC, MP4, QuickTime or PDF"));
        if (length > media.limitFor(type)) {
            throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, type + " evidence is limited to "
                    + media.limitFor(type) + " bytes");
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
            made.length = length;
            made.createdAt = clock.instant();
            made.expiresAt = made.createdAt.plus(expiry);
            em.persist(made);
            return made;
        });
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
     * Appends a chunk at {@code offset}, which must be where the upload stands (409 otherwise); checked against
     * {@code checksum} ({@code <algorithm> <base64>}) when given (460, and the chunk dropped, if it does not match).
     * The last chunk completes the upload: the whole is checked and attached, or discarded with the problem.
     */
    public ResumableUpload append(UUID id, long offset, InputStream chunk, String checksum) {
        MessageDigest expected = checksum == null ? null : digestOf(checksum);
        ResumableUpload upload = find(id);
        if (offset != upload.offset || upload.completed && offset != upload.length) {
            throw offsetMismatch(upload);
        }
        if (!appending.add(id)) {
            throw new ProblemException(ErrorCode.UPLOAD_OFFSET_MISMATCH, "Another request is appending to this "
                    + "upload; ask for its offset with HEAD when it is done");
        }
        try {
            if (upload.completed) {
                return upload;
            }
            long written = write(upload, chunk, expected, checksum);
            int moved = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "update ResumableUpload u set u.offset = :to where u.id = :id and u.offset = :from")
                    .setParameter("to", upload.offset + written).setParameter("id", id)
                    .setParameter("from", upload.offset).executeUpdate());
            if (moved != 1) {
                throw offsetMismatch(find(id));
            }
            if (upload.offset + written < upload.length) {
                return find(id);
            }
            try (InputStream whole = Files.newInputStream(partOf(id))) {
                attach(upload, whole);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException refused) {
                discard(id);
                throw refused;
            }
            return complete(id);
        } finally {
            appending.remove(id);
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

    private ResumableUpload current(UUID id) {
        ResumableUpload upload = em.find(ResumableUpload.class, id);
        if (upload == null || !upload.subject.equals(caller.subject())) {
            throw ProblemException.notFound("Upload", id);
        }
        if (!upload.completed && upload.expiresAt.isBefore(clock.instant())) {
            throw new ProblemException(ErrorCode.UPLOAD_EXPIRED, "Upload " + id + " expired at " + upload.expiresAt
                    + "; start a new one");
        }
        em.detach(upload);
        return upload;
    }

    /** Streams the chunk to the end of the upload's file; drops it again if it is too large or fails its check. */
    private long write(ResumableUpload upload, InputStream chunk, MessageDigest expected, String checksum) {
        Path part = partOf(upload.id);
        long room = Math.min(maxChunk, upload.length - upload.offset);
        try {
            Files.createDirectories(directory);
            try (FileChannel file = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                file.truncate(upload.offset);
                file.position(upload.offset);
                byte[] buffer = new byte[BUFFER];
                long written = 0;
                for (int n; (n = chunk.read(buffer)) != -1; ) {
                    if (written + n > room) {
                        file.truncate(upload.offset);
                        throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, written + n > maxChunk
                                ? "A chunk is limited to " + maxChunk + " bytes"
                                : "The chunk runs past the upload's length " + upload.length);
                    }
                    file.write(ByteBuffer.wrap(buffer, 0, n));
                    if (expected != null) {
                        expected.update(buffer, 0, n);
                    }
                    written += n;
                }
                if (expected != null && !MessageDigest.isEqual(expected.digest(), checksumValue(checksum))) {
                    file.truncate(upload.offset);
                    throw new ProblemException(ErrorCode.CHECKSUM_MISMATCH, "The chunk does not match its "
                            + "Upload-Checksum; it was dropped and the upload stays at " + upload.offset);
                }
                file.force(false);
                return written;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The chunk could not be received", e);
        }
    }

    /** Attaches the bytes as the declared evidence, exactly as an ordinary upload would. */
    private void attach(ResumableUpload upload, InputStream bytes) {
        uploads.upload(upload.owner(), new EvidenceUpload(bytes, upload.mediaType, upload.length, upload.sha256,
                upload.capturedAt, upload.fileName, upload.evidenceId));
    }

    private ResumableUpload complete(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                        "update ResumableUpload u set u.completed = true, u.offset = u.length where u.id = :id")
                .setParameter("id", id).executeUpdate());
        deletePart(id);
        return find(id);
    }

    private void discard(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from ResumableUpload u where u.id = :id")
                .setParameter("id", id).executeUpdate());
        deletePart(id);
    }

    private void deletePart(UUID id) {
        try {
            Files.deleteIfExists(partOf(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path partOf(UUID id) {
        return directory.resolve(id + ".part");
    }

    private static ProblemException offsetMismatch(ResumableUpload upload) {
        return new ProblemException(ErrorCode.UPLOAD_OFFSET_MISMATCH, "The upload is at offset " + upload.offset
                + "; continue from there").withHeader("Upload-Offset", String.valueOf(upload.offset));
    }

    private static final Map<String, String> ALGORITHMS = Map.of("sha1", "SHA-1", "sha256", "SHA-256");

    private static MessageDigest digestOf(String checksum) {
        String algorithm = checksum.trim().split(" ", 2)[0];
        String name = ALGORITHMS.get(algorithm);
        if (name == null) {
            throw ProblemException.invalidParameter("Upload-Checksum", "the algorithm must be one of "
                    + String.join(", ", CHECKSUMS));
        }
        checksumValue(checksum);
        return Digests.of(name);
    }

    private static byte[] checksumValue(String checksum) {
        String[] parts = checksum.trim().split(" ", 2);
        try {
            return Base64.getDecoder().decode(parts.length == 2 ? parts[1].trim() : "");
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("Upload-Checksum", "must be '<algorithm> <base64 digest>'");
        }
    }
}
