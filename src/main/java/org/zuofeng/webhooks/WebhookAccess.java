package org.zuofeng.webhooks;

import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

/** Who sees which webhook subscriptions: admins all of them, an integration client its own. */
final class WebhookAccess {

    /** Subscriptions (alias {@code e}). */
    static final ReadRule SUBSCRIPTIONS = ReadRule.of("webhook-subscription")
            .everything(Roles.ADMIN)
            .grant(scope -> Condition.of("e.ownerSubject = :accessOwner", "accessOwner", scope.subject()),
                    Roles.INTEGRATION)
            .build();

    private WebhookAccess() {
    }
}
