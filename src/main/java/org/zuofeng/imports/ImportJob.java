package org.zuofeng.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A bulk import run in the background: what was sent, by whom (with which roles), and how far it has come. */
@Entity
@Table(name = "import_jobs")
public class ImportJob {

    @Id
    public UUID id;

    @Column(name = "requester_subject", nullable = false, updatable = false)
    public String requesterSubject;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "requester_roles", nullable = false, updatable = false, columnDefinition = "varchar(32)[]")
    public String[] requesterRoles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ImportEntity entity;

    @Column(nullable = false, updatable = false)
    public String system;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ImportFormat format;

    @Column(name = "dry_run", nullable = false, updatable = false)
    public boolean dryRun;

    /** Queued when made; then written by the runner, never through the entity. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ImportStatus status;

    @Column(name = "body_size", nullable = false, updatable = false)
    public long bodySize;

    @Column(name = "row_count", insertable = false, updatable = false)
    public long rowCount;

    @Column(name = "rows_done", insertable = false, updatable = false)
    public long rowsDone;

    @Column(insertable = false, updatable = false)
    public long created;

    @Column(insertable = false, updatable = false)
    public long updated;

    @Column(insertable = false, updatable = false)
    public long unchanged;

    @Column(insertable = false, updatable = false)
    public long rejected;

    @Column(insertable = false, updatable = false)
    public String error;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "started_at", insertable = false, updatable = false)
    public Instant startedAt;

    @Column(name = "finished_at", insertable = false, updatable = false)
    public Instant finishedAt;
}
