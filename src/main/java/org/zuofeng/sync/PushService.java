package org.zuofeng.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.persistence.RollBack;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.ProblemRendering;
import org.zuofeng.common.problem.Problems;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.web.RequestCorrelation;
import org.zuofeng.evidence.EvidenceCatalog;
import org.zuofeng.sync.PushAnswer.Result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a device's mutations exactly once, in order. The client's last applied mutation id moves in the same
 * transaction as each mutation's data, so a repeat is answered with the original result and never applied twice,
 * and a gap is refused. A refused mutation (invalid, not permitted, a conflict) does not block the rest, but its id is
 * consumed, so the device moves on; in an atomic push the batch is applied whole or not at all. Each mutation is the
 * same service call the ordinary endpoint makes ({@link Mutations}): every rule, audit and secrecy applies.
 */
@ApplicationScoped
public class PushService {

    private static final String SEAL_PURPOSE = "sync-result";

    private final SyncRepository sync;
    private final Mutations mutations;
    private final EvidenceCatalog evidence;
    private final ServerKeys keys;
    private final ObjectMapper json;
    private final SyncClients clients;
    private final RequestCorrelation correlation;
    private final Clock clock;

    public PushService(SyncRepository sync, Mutations mutations, EvidenceCatalog evidence, ServerKeys keys,
            ObjectMapper json, SyncClients clients, RequestCorrelation correlation, Clock clock) {
        this.sync = sync;
        this.mutations = mutations;
        this.evidence = evidence;
        this.keys = keys;
        this.json = json;
        this.clients = clients;
        this.correlation = correlation;
        this.clock = clock;
    }

    public PushAnswer push(PushRequest request, boolean atomic, ProblemRendering rendering) {
        UUID clientId = request.clientId();
        QuarkusTransaction.requiringNew().run(() -> clients.own(clientId));
        List<Result> results = atomic ? atomically(request, rendering) : oneByOne(request, rendering);
        long last = QuarkusTransaction.requiringNew().call(() -> clients.own(clientId).lastMutationId);
        return new PushAnswer(last, results, missingEvidence(request, results));
    }

    /**
     * Writes what a mutation of an atomic batch changed and lets go of it, so that each mutation starts from an empty
     * persistence context (each flush would otherwise dirty-check every record of the batch so far); the client, still
     * locked by the transaction, is read again.
     */
    private SyncClient written(SyncClient client) {
        sync.flush();
        sync.getEntityManager().clear();
        return sync.findById(client.clientId);
    }

    private List<Result> oneByOne(PushRequest request, ProblemRendering rendering) {
        List<Result> results = new ArrayList<>();
        boolean gap = false;
        for (PushRequest.Mutation m : request.mutations()) {
            if (gap) {
                results.add(gapAt(m, rendering));
                continue;
            }
            Result result = applyOne(request.clientId(), m, rendering);
            gap = isGap(result);
            results.add(result);
        }
        return results;
    }

    /** One mutation in its own transaction; if it is refused, its refusal is kept in another. */
    private Result applyOne(UUID clientId, PushRequest.Mutation m, ProblemRendering rendering) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                SyncClient client = clients.own(clientId);
                Result settled = settled(client, m, rendering);
                if (settled != null) {
                    return settled;
                }
                return keep(client, m, applied(m, mutations.apply(m)));
            });
        } catch (RuntimeException e) {
            ProblemException problem = refusal(e);
            return QuarkusTransaction.requiringNew().call(() -> {
                SyncClient client = clients.own(clientId);
                Result settled = settled(client, m, rendering);
                return settled != null ? settled : keep(client, m, refused(m, problem, rendering));
            });
        }
    }

    private List<Result> atomically(PushRequest request, ProblemRendering rendering) {
        List<Result> results = new ArrayList<>();
        ProblemException[] failure = new ProblemException[1];
        int[] failedAt = {-1};
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                SyncClient client = clients.own(request.clientId());
                for (PushRequest.Mutation m : request.mutations()) {
                    if (failedAt[0] >= 0) {
                        results.add(null);
                        continue;
                    }
                    Result settled = settled(client, m, rendering);
                    if (settled != null) {
                        results.add(settled);
                        if (isGap(settled)) {
                            failedAt[0] = results.size() - 1;
                        }
                        continue;
                    }
                    try {
                        results.add(keep(client, m, applied(m, mutations.apply(m))));
                        client = written(client);
                    } catch (RuntimeException e) {
                        failure[0] = refusal(e);
                        failedAt[0] = results.size();
                        results.add(null);
                    }
                }
                if (failedAt[0] >= 0) {
                    throw new RollBack();
                }
            });
            return results;
        } catch (RollBack aborted) {
            // Nothing of the batch was kept: report the refusal, and every other mutation as not applied.
            List<Result> reported = new ArrayList<>();
            for (int n = 0; n < request.mutations().size(); n++) {
                PushRequest.Mutation m = request.mutations().get(n);
                Result result = n < results.size() ? results.get(n) : null;
                if (n == failedAt[0] && failure[0] != null) {
                    reported.add(QuarkusTransaction.requiringNew().call(() -> refused(m, failure[0], rendering)));
                } else if (result != null && (result.status() == SyncResultStatus.DUPLICATE || isGap(result))) {
                    reported.add(result);
                } else {
                    reported.add(new Result(m.mutationId(), m.id(), SyncResultStatus.REJECTED, null, null, null,
                            problem(new ProblemException(ErrorCode.BATCH_ABORTED,
                                    Text.of("sync.mutationWasAppliedAtomicBatch", m.mutationId(),
                                    request.mutations().get(failedAt[0]).mutationId())), rendering)));
                }
            }
            return reported;
        }
    }

    private static Result applied(PushRequest.Mutation m, Mutations.Applied applied) {
        return new Result(m.mutationId(), applied.id(), SyncResultStatus.APPLIED, null, applied.version(), null, null);
    }

    /** The answer for a mutation already applied (its original result) or beyond the next one expected (a gap). */
    private Result settled(SyncClient client, PushRequest.Mutation m, ProblemRendering rendering) {
        if (m.mutationId() <= client.lastMutationId) {
            return duplicate(client, m);
        }
        if (m.mutationId() > client.lastMutationId + 1) {
            return gapAt(m, rendering);
        }
        return null;
    }

    private Result gapAt(PushRequest.Mutation m, ProblemRendering rendering) {
        return new Result(m.mutationId(), m.id(), SyncResultStatus.REJECTED, null, null, null, problem(new ProblemException(
                ErrorCode.MUTATION_GAP, Text.of("sync.mutationNextOneExpectedResend", m.mutationId())), rendering));
    }

    private static boolean isGap(Result result) {
        return result.problem() != null && ErrorCode.MUTATION_GAP.name().equals(result.problem().get("code"));
    }

    /** A refusal: a conflict when the base version is not the current one, else the endpoint's own problem. */
    private Result refused(PushRequest.Mutation m, ProblemException problem, ProblemRendering rendering) {
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

    /** What refused a mutation; a failure of the service itself (a 5xx) fails the whole push instead. */
    private static ProblemException refusal(RuntimeException e) {
        ProblemException problem = Problems.of(e);
        if (problem.status() >= 500) {
            throw problem;
        }
        return problem;
    }

    private Map<String, Object> problem(ProblemException problem, ProblemRendering rendering) {
        return rendering.body(problem, correlation.current());
    }

    /** Keeps the result (sealed) and moves the client's last mutation id past it, in the mutation's transaction. */
    private Result keep(SyncClient client, PushRequest.Mutation m, Result result) {
        try {
            byte[] plain = json.writeValueAsBytes(result);
            sync.keepResult(client.clientId, m.mutationId(), result.status().name(), result.id(), result.version(),
                    keys.seal(SEAL_PURPOSE, plain, context(client.clientId, m.mutationId())), clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client.lastMutationId = m.mutationId();
        return result;
    }

    private Result duplicate(SyncClient client, PushRequest.Mutation m) {
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

    /** The evidence that findings applied by this push (or before it) declare and the server does not have. */
    private List<PushAnswer.EvidenceMissing> missingEvidence(PushRequest request, List<Result> results) {
        List<Mutations.Declared> declared = new ArrayList<>();
        for (int n = 0; n < results.size(); n++) {
            Result result = results.get(n);
            boolean applied = result.status() == SyncResultStatus.APPLIED
                    || result.status() == SyncResultStatus.DUPLICATE && result.originalStatus() == SyncResultStatus.APPLIED;
            if (applied) {
                declared.addAll(mutations.declaredBy(request.mutations().get(n)));
            }
        }
        if (declared.isEmpty()) {
            return List.of();
        }
        Set<UUID> kept = QuarkusTransaction.requiringNew().call(() -> evidence.existing(declared.stream()
                .map(Mutations.Declared::evidenceId).toList()));
        return declared.stream().filter(d -> !kept.contains(d.evidenceId()))
                .map(d -> new PushAnswer.EvidenceMissing(d.evidenceId(), d.findingId())).distinct().toList();
    }
}
