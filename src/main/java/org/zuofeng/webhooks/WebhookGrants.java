package org.zuofeng.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.Roles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Whose rights a subscription acts with, and when it stops: with its owner's roles as of the last change the owner
 * made (a renewal), until {@code ZUOFENG_WEBHOOKS_GRANT_DAYS} pass without one, when it lapses; whenever it stops
 * sending (disabled by its owner or by a receiver's 410, lapsed, deleted) its queued messages are cancelled at once.
 * What the service does on its own (a lapse, a 410) is an audit event its owner reads on the feed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class WebhookGrants {

    /** The roles a subscription may act with: every role but none the token may carry beyond them. */
    private static final Set<String> GRANTABLE = Roles.ALL;

    private final EntityManager em;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;
    private final Duration grant;

    WebhookGrants(EntityManager em, AuditTrail audit, Caller caller, Clock clock, WebhooksConfig config) {
        this.em = em;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        this.grant = Duration.ofDays(config.grantDays());
    }

    /** Renews the subscription with the caller's roles, if the caller is its owner (an admin's change renews nothing). */
    void renewByOwner(WebhookSubscription subscription) {
        if (subscription.ownerSubject == null || subscription.ownerSubject.equals(caller.subject())) {
            subscription.ownerSubject = caller.subject();
            subscription.ownerRoles = caller.roles().stream().filter(GRANTABLE::contains).sorted()
                    .toArray(String[]::new);
            subscription.grantedAt = clock.instant();
        }
    }

    /** When the subscription lapses unless its owner renews it. */
    Instant lapsesAt(WebhookSubscription subscription) {
        return subscription.grantedAt.plus(grant);
    }

    /** Cancels the messages still queued for a subscription that stopped sending; the delivery log stays. */
    int cancelQueued(UUID subscriptionId) {
        return em.createNativeQuery("""
                        update webhook_deliveries set status = 'CANCELLED', lease_owner = null, leased_until = null,
                            next_attempt_at = null, finished_at = :now
                        where subscription_id = :id and status = 'PENDING'""")
                .setParameter("now", clock.instant()).setParameter("id", subscriptionId).executeUpdate();
    }

    /** Lapses the active subscriptions whose owner has not renewed them in time; answers how many. */
    int lapseUnrenewed() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> lapsed = em.createNativeQuery("""
                        update webhook_subscriptions set status = 'LAPSED', disabled_reason = :reason
                        where status = 'ACTIVE' and granted_at < :cutoff
                        returning id""")
                .setParameter("reason", "Its owner has not changed it for " + grant.toDays() + " days, which renews"
                        + " the rights it acts with; any change the owner makes resumes it")
                .setParameter("cutoff", now.minus(grant)).getResultList();
        lapsed.forEach(id -> stopped(id, WebhookService.LAPSE));
        return lapsed.size();
    }

    /** Disables a subscription whose receiver answered 410 Gone. */
    void disableGone(UUID subscriptionId, Instant at) {
        int disabled = em.createNativeQuery("""
                        update webhook_subscriptions set status = 'DISABLED', disabled_reason = :reason
                        where id = :id and status = 'ACTIVE'""")
                .setParameter("reason", "The receiver answered 410 Gone at " + at + "; nothing more is sent")
                .setParameter("id", subscriptionId).executeUpdate();
        if (disabled == 1) {
            stopped(subscriptionId, WebhookService.DISABLE);
        }
    }

    private void stopped(UUID id, String action) {
        cancelQueued(id);
        WebhookSubscription subscription = em.find(WebhookSubscription.class, id);
        em.refresh(subscription);
        audit.record(action, WebhookService.ENTITY_TYPE, id, null, WebhookService.view(subscription, this));
    }
}
