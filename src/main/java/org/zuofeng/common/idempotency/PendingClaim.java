package org.zuofeng.common.idempotency;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The request's claimed key, between the filter that claims it and the interceptor that stores the answer in the
 * request's own transaction.
 */
@RequestScoped
public class PendingClaim {

    private IdempotencyStore.Claim claim;
    private boolean answered;

    void hold(IdempotencyStore.Claim claim) {
        this.claim = claim;
    }

    /** The claim to answer in the business transaction, once. */
    Optional<IdempotencyStore.Claim> take() {
        IdempotencyStore.Claim taken = claim;
        claim = null;
        return Optional.ofNullable(taken);
    }

    void answered() {
        answered = true;
    }

    /** Whether the answer was stored with the change it reports. */
    boolean isAnswered() {
        return answered;
    }
}
