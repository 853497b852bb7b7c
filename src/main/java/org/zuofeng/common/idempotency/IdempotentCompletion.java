package org.zuofeng.common.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.zuofeng.common.audit.Disclosures;
import org.zuofeng.common.concurrency.EntityTags;
import org.zuofeng.common.concurrency.Versioned;
import org.zuofeng.common.problem.FailureProblems;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Runs a resource method that holds a claimed {@code Idempotency-Key} in a transaction of its own, which the
 * services join, and stores the method's answer in that same transaction before it commits: the change and its
 * answer are kept together or not at all. A retry after a crash therefore either replays the answer or, the claim
 * having lapsed with nothing kept, runs the request for the first time.
 * <p>
 * A request whose transaction PostgreSQL rolled back for a deadlock or a serialization failure (a concurrent one
 * won) runs once more, at once, unless its body was a stream already read; a second such failure is a 503 with
 * {@code Retry-After}.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotentCompletion {

    private static final Logger LOG = Logger.getLogger(IdempotentCompletion.class);

    @Inject
    PendingClaim pending;

    @Inject
    IdempotencyStore store;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionManager transactions;

    @Inject
    Disclosures disclosures;

    @AroundInvoke
    Object runAndAnswer(InvocationContext invocation) throws Exception {
        var claim = pending.take();
        try {
            return attempt(invocation, claim);
        } catch (Exception e) {
            if (!FailureProblems.concurrencyFailure(e) || readsAStream(invocation)) {
                throw e;
            }
            LOG.debugf("%s met a concurrent transaction; it runs once more", invocation.getMethod().getName());
            return attempt(invocation, claim);
        }
    }

    private Object attempt(InvocationContext invocation, Optional<IdempotencyStore.Claim> claim) throws Exception {
        if (claim.isEmpty()) {
            return invocation.proceed();
        }
        transactions.begin();
        try {
            Object result = invocation.proceed();
            store.completeInTransaction(claim.get(), answerOf(result));
            transactions.commit();
            pending.answered();
            return result;
        } finally {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        }
    }

    private static boolean readsAStream(InvocationContext invocation) {
        return Arrays.stream(invocation.getMethod().getParameterTypes()).anyMatch(InputStream.class::isAssignableFrom);
    }

    /** The answer as the client will receive it (the ETag as {@link EntityTags} will add it). */
    private IdempotencyStore.StoredResponse answerOf(Object result) {
        if (result instanceof Response response) {
            Object entity = response.getEntity();
            String etag = response.getHeaderString(HttpHeaders.ETAG);
            return IdempotencyStore.StoredResponse.of(response.getStatus(), contentType(entity,
                    response.getMediaType()), response.getLocation() == null ? null
                    : response.getLocation().toString(), etag != null ? etag
                    : tagOf(entity, response.getStatus()), entity, disclosures.all(), json);
        }
        int status = result == null ? 204 : 200;
        return IdempotencyStore.StoredResponse.of(status, contentType(result, null), null, tagOf(result, status),
                result, disclosures.all(), json);
    }

    private static String contentType(Object entity, MediaType declared) {
        if (entity == null) {
            return null;
        }
        return declared != null ? declared.toString() : MediaType.APPLICATION_JSON;
    }

    private String tagOf(Object entity, int status) {
        return entity instanceof Versioned versioned && status < 300 ? EntityTags.of(versioned, json) : null;
    }
}
