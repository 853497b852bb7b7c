package org.zuofeng.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A field device's P-256 key that signs its captures, bound to the subject that registered it. */
@Entity
@Table(name = "capture_devices")
public class CaptureDevice {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    public UUID clientId;

    @Column(nullable = false, updatable = false)
    public String subject;

    /** The RFC 7638 thumbprint of the public key (base64url), the {@code kid} of its statements. */
    @Column(name = "key_id", nullable = false, updatable = false, length = 64)
    public String keyId;

    /** X.509 SubjectPublicKeyInfo, DER. */
    @Column(name = "public_key", nullable = false, updatable = false)
    public byte[] publicKey;

    /** The attestation chain the device sent, leaf first (base64 DER certificates), kept as sent. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public List<String> attestation;

    @Column(name = "registered_at", nullable = false, updatable = false)
    public Instant registeredAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revocation_reason", length = 2000)
    public String revocationReason;
}
