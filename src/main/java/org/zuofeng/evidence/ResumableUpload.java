package org.zuofeng.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A resumable (tus) upload of one piece of evidence: whose it is, what it becomes, and how far it has come. */
@Entity
@Table(name = "uploads")
public class ResumableUpload {

    @Id
    public UUID id;

    /** Only the account that began the upload may continue it. */
    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(name = "owner_kind", nullable = false, updatable = false)
    public String ownerKind;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public UUID ownerId;

    @Column(name = "evidence_id", nullable = false, updatable = false)
    public UUID evidenceId;

    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(name = "media_type", nullable = false, updatable = false)
    public String mediaType;

    @Column(name = "file_name", updatable = false)
    public String fileName;

    @Column(name = "captured_at", updatable = false)
    public Instant capturedAt;

    /** The capture statement signed on the device, judged when the bytes are complete. */
    @Column(name = "capture_statement", updatable = false, length = CaptureStatements.MAX_LENGTH)
    public String captureStatement;

    @Column(nullable = false, updatable = false)
    public long length;

    @Column(name = "\"offset\"", nullable = false)
    public long offset;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The data key its pieces are sealed under ({@link org.zuofeng.common.crypto.Sealing}), wrapped. */
    @Column(name = "key_ref", updatable = false)
    public String keyRef;

    @Column(name = "wrapped_key", updatable = false)
    public byte[] wrappedKey;

    @Column(name = "kek_id", updatable = false)
    public Long kekId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(nullable = false)
    public boolean completed;

    EvidenceService.Owner owner() {
        return new EvidenceService.Owner(ownerKind, ownerId);
    }
}
