package org.zuofeng.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.ProblemRendering;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.web.RequestCorrelation;
import org.zuofeng.sync.PushAnswer.Result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answers to a device's mutations: what each says, and each kept sealed (it may hold what the account was shown)
 * with the client's last mutation id, so that a repeat is answered with the original.
 */
@ApplicationScoped
class SyncResults {

    private static final String SEAL_PURPOSE = "sync-result";

    /** A mutation's result, to keep, with what refused it if it was refused. */
    record Kept(PushRequest.Mutation mutation, Result result, ProblemException refusal) {
    }

    private final SyncRepository sync;
    private final Mutations mutations;
    private final ServerKeys keys;
    private final ObjectMapper json;
    private final RequestCorrelation correlation;
    private final Clock clock;

    SyncResults(SyncRepository sync, Mutations mutations, ServerKeys keys, ObjectMapper json,
            RequestCorrelation correlation, Clock clock) {
        this.sync = sync;
        this.mutations = mutations;
        this.keys = keys;
        this.json = json;
        this.correlation = correlation;
        this.clock = clock;
    }

    /** The answer for an applied mutation. */
    static Result applied(PushRequest.Mutation m, Mutations.Applied applied) {
        return new Result(m.mutationId(), applied.id(), SyncResultStatus.APPLIED, null, applied.version(), null, null);
    }

    /** The answer for a mutation already applied (its original result) or beyond the next one expected (a gap). */
    Result settled(SyncClient client, PushRequest.Mutation m, ProblemRendering rendering) {
        if (m.mutationId() <= client.lastMutationId) {
            return duplicate(client, m);
        }
        if (m.mutationId() > client.lastMutationId + 1) {
            return gapAt(m, rendering);
        }
        return null;
    }

    /** The answer for a mutation beyond the next one expected: nothing after it is applied. */
    Result gapAt(PushRequest.Mutation m, ProblemRendering rendering) {
        return new Result(m.mutationId(), m.id(), SyncResultStatus.REJECTED, null, null, null, problem(new ProblemException(
                ErrorCode.MUTATION_GAP, Text.of("sync.mutationNextOneExpectedResend", m.mutationId())), rendering));
    }

    static boolean isGap(Result result) {
        return result.problem() != null && ErrorCode.MUTATION_GAP.name().equals(result.problem().get("code"));
    }

    /** A refusal: a conflict when the base version is not the current one, else the endpoint's own problem. */
    Result refused(PushRequest.Mutation m, ProblemException problem, ProblemRendering rendering) {
        if (problem.code() == ErrorCode.VERSION_MISMATCH) {
            try {
                var current = mutations.current(m);
                return new Result(m.mutationId(), m.id(), SyncResultStatus.CONFLICT, null, current.version(), current, null);
            } catch (ProblemException hidden) {
                return new Result(m.mutationId(), m.id(), SyncResultStatus.REJECTED, null, null, null,
                        problem(hidden, rendering));
            }
        }
        return new Result(m.mutationId(), m.id(), SyncResultStatus.REJECTED, null, null, null, problem(problem, rendering));
    }

    /** The answer, in an atomic push, for a mutation not applied because {@code failed} was refused. */
    Result aborted(PushRequest.Mutation m, PushRequest.Mutation failed, ProblemRendering rendering) {
        return new Result(m.mutationId(), m.id(), SyncResultStatus.REJECTED, null, null, null,
                problem(new ProblemException(ErrorCode.BATCH_ABORTED,
                        Text.of("sync.mutationWasAppliedAtomicBatch", m.mutationId(), failed.mutationId())), rendering));
    }

    private Map<String, Object> problem(ProblemException problem, ProblemRendering rendering) {
        return rendering.body(problem, correlation.current());
    }


    /**
     * Keeps the results (sealed) of mutations with consecutive ids, in one statement, and moves the client's last
     * mutation id past them, in their transaction.
     */
    void keep(SyncClient client, List<Kept> kept) {
        if (kept.isEmpty()) {
            return;
        }
        List<SyncRepository.Sealed> sealed = new ArrayList<>(kept.size());
        for (Kept k : kept) {
            Result result = k.result();
            long mutationId = k.mutation().mutationId();
            try {
                sealed.add(new SyncRepository.Sealed(mutationId, result.status().name(), result.id(),
                        result.version(), keys.seal(SEAL_PURPOSE, json.writeValueAsBytes(result),
                        context(client.clientId, mutationId))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        sync.keepResults(client.clientId, sealed, clock.instant());
        client.lastMutationId = kept.getLast().mutation().mutationId();
    }

    /** The answer for a mutation already applied: its original result, as kept. */
    Result duplicate(SyncClient client, PushRequest.Mutation m) {
        return sync.result(client.clientId, m.mutationId()).map(stored -> {
            try {
                JsonNode original = json.readTree(keys.open(SEAL_PURPOSE, stored.sealed(),
                        context(client.clientId, m.mutationId())));
                @SuppressWarnings("unchecked")
                Map<String, Object> problem = original.hasNonNull("problem")
                        ? json.convertValue(original.get("problem"), Map.class) : null;
                return new Result(m.mutationId(), stored.entityId(), SyncResultStatus.DUPLICATE,
                        SyncResultStatus.valueOf(stored.status()), stored.version(),
                        original.hasNonNull("current") ? original.get("current") : null, problem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElseGet(() -> new Result(m.mutationId(), null, SyncResultStatus.DUPLICATE, null, null, null, null));
    }

    private static byte[] context(UUID clientId, long mutationId) {
        return ByteBuffer.allocate(24).putLong(clientId.getMostSignificantBits())
                .putLong(clientId.getLeastSignificantBits()).putLong(mutationId).array();
    }
}
