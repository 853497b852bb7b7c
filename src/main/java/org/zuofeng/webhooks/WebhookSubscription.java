package org.zuofeng.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.Instant;

/**
 * A webhook subscription: where the event feed is pushed, which types, and whose view of it (the owner's subject and
 * the roles they had when they last renewed it). Its secrets are sealed; where its reading of the feed stands is kept
 * with it, so that each event is queued once, and only the queue (or a replay) moves it: the entity never writes it
 * back.
 */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription extends AuditedEntity {

    @Column(nullable = false)
    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false, columnDefinition = "varchar(96)[]")
    public String[] eventTypes;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookStatus status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "owner_subject", nullable = false, updatable = false)
    public String ownerSubject;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "owner_roles", nullable = false, columnDefinition = "varchar(32)[]")
    public String[] ownerRoles;

    /** When the owner last renewed the subscription's rights (created or changed it). */
    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    @Column(nullable = false)
    public byte[] secret;

    @Column(name = "previous_secret")
    public byte[] previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "feed_xid", nullable = false, updatable = false)
    public long feedXid;

    @Column(name = "feed_position", nullable = false, updatable = false)
    public long feedPosition;
}
