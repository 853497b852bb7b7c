package org.zuofeng.common.problem;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that goes away while a transaction commits is a 503 with Retry-After, however the transaction manager
 * reports it: the reason as a cause, only as a suppressed exception, or not at all (an outcome it cannot tell).
 */
class FailureProblemsTest {

    @Test
    void aLostConnectionReportedOnlyAsSuppressedIsAnOutage() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new JDBCConnectionException("commit failed", new SQLException("I/O error", "08006")));

        assertUnavailable(FailureProblems.classify(new IllegalStateException("commit", rollback)));
    }

    @Test
    void aCommitWhoseOutcomeIsUnknownIsAnOutageNotAnInternalError() {
        assertUnavailable(FailureProblems.classify(new HeuristicMixedException()));
    }

    @Test
    void aDeadlockOrASerializationFailureIsToBeSentAgainNeverAnInternalError() {
        for (String state : new String[] {"40P01", "40001"}) {
            ProblemException problem = FailureProblems.classify(new IllegalStateException("flush",
                    new SQLException("could not serialize", state)));
            assertEquals(ErrorCode.SERVICE_UNAVAILABLE, problem.code());
            assertEquals("1", problem.headers().get("Retry-After"));
            assertTrue(FailureProblems.concurrencyFailure(new RuntimeException(new SQLException("x", state))));
        }
    }

    @Test
    void aCycleOfCausesEndsAndIsAnInternalError() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.addSuppressed(second);

        assertEquals(ErrorCode.INTERNAL_ERROR, FailureProblems.classify(first).code());
    }

    private static void assertUnavailable(ProblemException problem) {
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, problem.code());
        assertEquals(503, problem.status());
        assertEquals("5", problem.headers().get("Retry-After"));
    }
}
