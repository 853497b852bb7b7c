package org.zuofeng.clue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A commission member's request to read a real-name reporter's identity, with the reason, and a custodian's decision
 * on it. Approved, the identity is shown to the requester, each reading on the audit record.
 */
@Entity
@Table(name = "identity_requests")
public class IdentityRequest {

    @Id
    public UUID id;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "clue_id", nullable = false, updatable = false)
    public UUID clueId;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(nullable = false, updatable = false, length = 2000)
    public String reason;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentityRequestStatus status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason", length = 2000)
    public String decisionReason;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
