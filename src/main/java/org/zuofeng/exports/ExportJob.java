package org.zuofeng.exports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A bulk export: what was asked for, by whom (and with which roles), and how far it has come. */
@Entity
@Table(name = "export_jobs")
public class ExportJob {

    @Id
    public UUID id;

    @Column(name = "requester_subject", nullable = false, updatable = false)
    public String requesterSubject;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "requester_roles", nullable = false, updatable = false, columnDefinition = "varchar(32)[]")
    public String[] requesterRoles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ExportEntity entity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ExportFormat format;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public Map<String, String> filters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExportStatus status;

    @Column(name = "row_count", nullable = false)
    public long rowCount;

    public String error;

    @Column(name = "leased_until")
    public Instant leasedUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The data key the file is sealed under ({@link ExportFiles}), wrapped; none for a file an earlier version wrote. */
    @Column(name = "key_ref", insertable = false, updatable = false)
    public String keyRef;

    @Column(name = "wrapped_key", insertable = false, updatable = false)
    public byte[] wrappedKey;

    /** The file's length in clear. */
    @Column(name = "byte_count", insertable = false, updatable = false)
    public Long byteCount;
}
