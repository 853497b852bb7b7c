package org.zuofeng.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An app installation that syncs: bound to the subject that first used its id, with the last mutation it had
 * applied and the generation and scope of the snapshot its copy was last taken under.
 */
@Entity
@Table(name = "sync_clients")
public class SyncClient {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(name = "last_mutation_id", nullable = false)
    public long lastMutationId;

    @Column(nullable = false)
    public int generation;

    /** The fingerprint of the caller's roles and unit scope when its current snapshot began. */
    public String scope;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;
}
