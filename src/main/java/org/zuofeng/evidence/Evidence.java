package org.zuofeng.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo, video or document backing a finding, a whole inspection or a unit's response to a notice: the record of immutable bytes kept in
 * the content-addressed store under their SHA-256. Uploaded at {@code createdAt} by {@code createdBy}.
 */
@Entity
@Table(name = "evidence")
public class Evidence extends AuditedEntity {

    @Column(name = "finding_id", updatable = false)
    public UUID findingId;

    @Column(name = "inspection_id", updatable = false)
    public UUID inspectionId;

    @Column(name = "response_id", updatable = false)
    public UUID responseId;

    @Column(nullable = false, updatable = false, length = 64)
    public String sha256;

    @Column(nullable = false, updatable = false)
    public long size;

    @Column(name = "media_type", nullable = false, updatable = false)
    public String mediaType;

    @Column(name = "captured_at", updatable = false)
    public Instant capturedAt;

    @Column(name = "file_name", updatable = false)
    public String fileName;

    /** What the server found of the capture's signed statement when the bytes were complete. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ProvenanceStatus provenance;

    /** Why the statement is {@code INVALID}. */
    @Column(name = "provenance_reason", updatable = false)
    public String provenanceReason;

    /** What a verified statement signed: the capture time, the place, the device key. */
    @Column(name = "signed_captured_at", updatable = false)
    public Instant signedCapturedAt;

    @Column(name = "signed_latitude", updatable = false)
    public Double signedLatitude;

    @Column(name = "signed_longitude", updatable = false)
    public Double signedLongitude;

    @Column(name = "device_key_id", updatable = false)
    public String deviceKeyId;

    /** Whether the file embeds a C2PA manifest ({@link ContentCredentials}). */
    @Column(name = "c2pa_manifest", nullable = false, updatable = false)
    public boolean c2paManifest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceStatus status;

    /** When the content's key was destroyed at the end of its retention; the record and its digest stay. */
    @Formula("(select b.destroyed_at from evidence_blobs b where b.sha256 = sha256)")
    public Instant contentDestroyedAt;
}
