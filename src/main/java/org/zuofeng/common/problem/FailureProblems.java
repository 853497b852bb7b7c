package org.zuofeng.common.problem;

import io.quarkus.oidc.OIDCException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What a failure thrown from below the API means to the client, judged by every exception it carries (frameworks wrap
 * what services throw): a lost optimistic lock, a database constraint that stands for a domain rule, the database or
 * the identity provider being away (503 with Retry-After), or something unexpected (a 500 that says nothing about
 * internals and is logged with the trace id the client sees).
 */
public final class FailureProblems {

    private static final String RETRY_AFTER_SECONDS = "5";
    private static final int MAX_CARRIED = 64;
    private static final Logger LOG = Logger.getLogger(FailureProblems.class);

    private FailureProblems() {
    }

    /**
     * What an exception means, judged by every exception it carries: its causes and the exceptions it suppressed
     * (a transaction manager that fails to commit reports why only as suppressed exceptions, if at all).
     */
    static ProblemException classify(Throwable e) {
        for (Throwable t : carried(e)) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return new ProblemException(ErrorCode.VERSION_MISMATCH, Text.of("problem.changedMeanwhile"));
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                String named = violation.getConstraintName() != null ? violation.getConstraintName()
                        : String.valueOf(violation.getSQLException().getMessage());
                return ErrorCode.byConstraint(named)
                        .map(code -> new ProblemException(code, Text.of("constraint." + code.name())))
                        .orElseGet(() -> new ProblemException(ErrorCode.CONFLICT,
                                Text.of("problem.conflict")));
            }
            if (t instanceof OIDCException) {
                return identityProviderUnavailable();
            }
            if (isConcurrencyFailure(t)) {
                LOG.infof("A transaction met a concurrent one (%s); the client may send it again", t.getMessage());
                return new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                        Text.of("problem.concurrent")).withHeader("Retry-After", "1");
            }
            if (isUnavailable(t)) {
                LOG.warnf("Database unavailable: %s", t.getMessage());
                return new ProblemException(ErrorCode.SERVICE_UNAVAILABLE, Text.of("problem.databaseDown"))
                        .withHeader("Retry-After", RETRY_AFTER_SECONDS);
            }
        }
        for (Throwable t : carried(e)) {
            if (t instanceof HeuristicMixedException || t instanceof HeuristicRollbackException) {
                // The database went away while the transaction committed: whether it kept the change is unknown.
                LOG.warnf("Commit outcome unknown: %s", t.getClass().getSimpleName());
                return new ProblemException(ErrorCode.SERVICE_UNAVAILABLE, Text.of("problem.commitUnknown"))
                        .withHeader("Retry-After", RETRY_AFTER_SECONDS);
            }
        }
        return unexpected(e);
    }

    /** {@code e}, its causes and what each of them suppressed, breadth first, each once. */
    private static List<Throwable> carried(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>(List.of(e));
        while (!next.isEmpty() && all.size() < MAX_CARRIED) {
            Throwable t = next.poll();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            next.addAll(List.of(t.getSuppressed()));
        }
        return all;
    }

    /** Whether the token could not be checked because the OIDC provider (its metadata or keys) is unreachable. */
    static boolean identityProviderDown(Throwable e) {
        for (Throwable t : carried(e)) {
            if (t instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }

    static ProblemException identityProviderUnavailable() {
        LOG.warn("OIDC provider unavailable: tokens cannot be verified until its keys are fetched");
        return new ProblemException(ErrorCode.SERVICE_UNAVAILABLE, Text.of("problem.identityProviderDown"))
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    /**
     * Whether {@code e} carries a deadlock or a serialization failure: PostgreSQL rolled the transaction back because
     * of a concurrent one, and the same request may succeed if it runs again.
     */
    public static boolean concurrencyFailure(Throwable e) {
        return carried(e).stream().anyMatch(FailureProblems::isConcurrencyFailure);
    }

    private static boolean isConcurrencyFailure(Throwable t) {
        return t instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
                || "40001".equals(sql.getSQLState()));
    }

    private static boolean isUnavailable(Throwable t) {
        if (t instanceof ConnectException || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")))
                    || String.valueOf(sql.getMessage()).contains("Acquisition timeout");
        }
        return false;
    }

    static ProblemException unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return new ProblemException(ErrorCode.INTERNAL_ERROR, Text.of("problem.internal"));
    }
}
