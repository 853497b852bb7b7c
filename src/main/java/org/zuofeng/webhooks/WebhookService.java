package org.zuofeng.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.changelog.ChangeLog;
import org.zuofeng.common.changelog.ChangePosition;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.Times;
import org.zuofeng.events.EventFeed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook subscriptions: made by admins and integration clients, each reading the feed as its owner could, with the
 * owner's rights as of their last change ({@link WebhookGrants}); signed with a secret shown once; rotated with a
 * day's overlap; moved back along the feed to have events sent again. Whenever one stops sending, its queued
 * messages are cancelled in the same transaction.
 */
@ApplicationScoped
@Transactional
public class WebhookService {

    static final String ENTITY_TYPE = "webhook-subscription";
    /** The audit actions of what the service does to a subscription on its own, published to its owner. */
    static final String LAPSE = "LAPSE";
    static final String DISABLE = "DISABLE";
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private static final Sorting<WebhookSubscription> SORTING = new Sorting<>("-createdAt",
            SortField.of("id", "id", s -> s.id, UUID.class),
            SortField.of("createdAt", "createdAt", s -> s.createdAt, Instant.class));
    private static final Sorting<WebhookAttempt> ATTEMPTS = new Sorting<>("-attemptedAt",
            SortField.of("id", "id", a -> a.id, UUID.class),
            SortField.of("attemptedAt", "attemptedAt", a -> a.attemptedAt, Instant.class));

    private final EntityManager em;
    private final EventFeed feed;
    private final WebhookTargets targets;
    private final ChangeLog changes;
    private final WebhookSecrets secrets;
    private final WebhookGrants grants;
    private final AuditTrail audit;
    private final KeysetPager pager;
    private final CallerScope scope;
    private final Caller caller;
    private final Clock clock;

    public WebhookService(EntityManager em, EventFeed feed, WebhookTargets targets, ChangeLog changes,
            WebhookSecrets secrets, WebhookGrants grants, AuditTrail audit, KeysetPager pager, CallerScope scope,
            Caller caller, Clock clock) {
        this.em = em;
        this.feed = feed;
        this.targets = targets;
        this.changes = changes;
        this.secrets = secrets;
        this.grants = grants;
        this.audit = audit;
        this.pager = pager;
        this.scope = scope;
        this.caller = caller;
        this.clock = clock;
    }

    /** Subscribes the caller: from the head of the feed on, as they may read it; the answer shows the secret. */
    public WebhookSubscriptionView create(WebhookSubscriptionWrite write) {
        check(write);
        WebhookSubscription subscription = new WebhookSubscription();
        audit.stampCreated(subscription);
        grants.renewByOwner(subscription);
        apply(subscription, write);
        String secret = WebhookSigner.newSecret();
        subscription.secret = secrets.sealSecret(subscription.id, secret);
        ChangePosition head = ChangePosition.before(changes.horizon());
        subscription.feedXid = head.xid();
        subscription.feedPosition = head.position();
        em.persist(subscription);
        em.flush();
        WebhookSubscriptionView view = view(subscription);
        audit.record("CREATE", ENTITY_TYPE, subscription.id, null, view);
        return view.withSecret(secret);
    }

    public WebhookSubscriptionView get(UUID id) {
        return view(visible(id));
    }

    public Page<WebhookSubscriptionView> list(String sort, PageRequest page) {
        Filters filters = new Filters().restrictTo(scope.readable(WebhookAccess.SUBSCRIPTIONS));
        return pager.page(WebhookSubscription.class, filters, SORTING, sort, page).map(this::view);
    }

    /**
     * Changes where and what is sent; {@code active: true} resumes a disabled or lapsed subscription, and
     * {@code active: false} stops it, cancelling what is queued. The owner's change renews its rights.
     */
    public WebhookSubscriptionView update(UUID id, IfMatch ifMatch, WebhookSubscriptionWrite write) {
        WebhookSubscription subscription = visible(id);
        ifMatch.check(subscription.version);
        check(write);
        WebhookSubscriptionView before = view(subscription);
        apply(subscription, write);
        grants.renewByOwner(subscription);
        if (subscription.status != WebhookStatus.ACTIVE) {
            grants.cancelQueued(id);
        }
        audit.stampUpdated(subscription);
        em.flush();
        WebhookSubscriptionView after = view(subscription);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** Ends a subscription: nothing more is sent, and its queue and delivery log go with it. */
    public void delete(UUID id, IfMatch ifMatch) {
        WebhookSubscription subscription = visible(id);
        ifMatch.check(subscription.version);
        WebhookSubscriptionView before = view(subscription);
        em.remove(subscription);
        em.flush();
        audit.record("DELETE", ENTITY_TYPE, id, before, null);
    }

    /** A new secret, shown once; the previous one keeps signing (a second signature) for 24 hours. */
    public WebhookSubscriptionView rotateSecret(UUID id, IfMatch ifMatch) {
        WebhookSubscription subscription = visible(id);
        ifMatch.check(subscription.version);
        WebhookSubscriptionView before = view(subscription);
        String secret = WebhookSigner.newSecret();
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = clock.instant().plus(ROTATION_OVERLAP);
        subscription.secret = secrets.sealSecret(id, secret);
        grants.renewByOwner(subscription);
        audit.stampUpdated(subscription);
        em.flush();
        WebhookSubscriptionView after = view(subscription);
        audit.record("ROTATE_SECRET", ENTITY_TYPE, id, before, after);
        return after.withSecret(secret);
    }

    /** Sends again every event after {@code cursor} (a cursor of the event feed): they are queued anew. */
    public WebhookSubscriptionView replay(UUID id, String cursor) {
        WebhookSubscription subscription = visible(id);
        ChangePosition from = feed.position(cursor);
        WebhookSubscriptionView before = view(subscription);
        grants.renewByOwner(subscription);
        audit.stampUpdated(subscription);
        em.flush();
        // Not through the entity, which never writes the position (the queue moves it, concurrently).
        em.createNativeQuery("update webhook_subscriptions set feed_xid = :xid, feed_position = :position where id = :id")
                .setParameter("xid", from.xid()).setParameter("position", from.position()).setParameter("id", id)
                .executeUpdate();
        WebhookSubscriptionView after = view(subscription);
        audit.record("REPLAY", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** The delivery log: every attempt, newest first. */
    public Page<WebhookAttemptView> deliveries(UUID id, String sort, PageRequest page) {
        visible(id);
        Filters filters = new Filters().always("e.subscriptionId = :subscription", Map.of("subscription", id));
        return pager.page(WebhookAttempt.class, filters, ATTEMPTS, sort, page).map(a -> new WebhookAttemptView(
                a.id, a.deliveryId, a.eventId, a.eventType, a.attempt, Times.toWire(a.attemptedAt), a.statusCode,
                a.error, a.durationMs, a.outcome, Times.toWire(a.nextAttemptAt)));
    }

    /** Those of these subscriptions the caller may see (for the feed). */
    public List<WebhookSubscriptionView> visibleAmong(Collection<UUID> ids) {
        return ids.stream().flatMap(id -> scope.find(WebhookSubscription.class, id, WebhookAccess.SUBSCRIPTIONS)
                .stream()).map(this::view).toList();
    }

    private void check(WebhookSubscriptionWrite write) {
        List<FieldError> errors = new ArrayList<>();
        targets.refusal(write.url()).ifPresent(why -> errors.add(FieldError.atPointer("/url", why)));
        for (int i = 0; i < write.eventTypes().size(); i++) {
            if (!feed.knownKind(write.eventTypes().get(i))) {
                errors.add(FieldError.atPointer("/eventTypes/" + i, Text.of("field.typeKindFeedPublishes")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void apply(WebhookSubscription subscription, WebhookSubscriptionWrite write) {
        subscription.url = write.url();
        subscription.eventTypes = write.eventTypes().stream().distinct().toArray(String[]::new);
        subscription.description = write.description();
        boolean active = write.active() == null || write.active();
        if (active && subscription.status != WebhookStatus.ACTIVE) {
            subscription.disabledReason = null;
        } else if (!active && subscription.status != WebhookStatus.DISABLED) {
            subscription.disabledReason = "Disabled by its owner";
        }
        subscription.status = active ? WebhookStatus.ACTIVE : WebhookStatus.DISABLED;
    }

    private WebhookSubscription visible(UUID id) {
        return scope.require(WebhookSubscription.class, id, WebhookAccess.SUBSCRIPTIONS,
                () -> ProblemException.notFound("webhookSubscription", id));
    }

    private WebhookSubscriptionView view(WebhookSubscription s) {
        return view(s, grants);
    }

    static WebhookSubscriptionView view(WebhookSubscription s, WebhookGrants grants) {
        return new WebhookSubscriptionView(s.id, s.url, List.of(s.eventTypes), s.description, s.status,
                s.disabledReason, s.ownerSubject, null, Times.toWire(s.previousSecretUntil),
                Times.toWire(grants.lapsesAt(s)), s.version, Times.toWire(s.createdAt), Times.toWire(s.updatedAt));
    }
}
