package org.zuofeng.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.eventlog.ListedEvents;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the service itself does to a subscription, told to its owner on the feed: it lapsed for want of renewal, or a
 * receiver's 410 disabled it. What the owner does to it is theirs to know already, and is not published.
 */
@ApplicationScoped
public class WebhookEvents extends ListedEvents<WebhookSubscriptionView> {

    private static final Set<String> PUBLISHED = Set.of(WebhookService.LAPSE, WebhookService.DISABLE);

    private final WebhookService service;

    public WebhookEvents(WebhookService service) {
        this.service = service;
    }

    @Override
    protected Names names() {
        return new Names(WebhookService.ENTITY_TYPE, "webhook_subscription", "/api/v1/webhook-subscriptions");
    }

    @Override
    public boolean publishes(String action) {
        return PUBLISHED.contains(action);
    }

    @Override
    protected List<WebhookSubscriptionView> visibleAmong(Collection<UUID> ids) {
        return service.visibleAmong(ids);
    }

    @Override
    protected UUID idOf(WebhookSubscriptionView view) {
        return view.id();
    }
}
