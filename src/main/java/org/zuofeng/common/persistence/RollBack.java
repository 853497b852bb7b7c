package org.zuofeng.common.persistence;

/**
 * Thrown inside a transaction to roll it back on purpose (a dry run, a batch to be applied again without a refused
 * item), and caught right outside it; a signal, so it carries no stack trace.
 */
public final class RollBack extends RuntimeException {

    public RollBack() {
        super(null, null, false, false);
    }
}
