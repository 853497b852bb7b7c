package org.zuofeng.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * What every mutable record has: a UUID, an optimistic-lock {@code version} (the ETag) and who created and last
 * changed it, when. {@link org.zuofeng.common.audit.AuditTrail} stamps the attribution fields.
 */
@MappedSuperclass
public abstract class AuditedEntity {

    @Id
    public UUID id;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
