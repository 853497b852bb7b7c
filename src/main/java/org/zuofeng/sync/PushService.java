package org.zuofeng.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.zuofeng.common.persistence.RollBack;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.ProblemRendering;
import org.zuofeng.common.problem.Problems;
import org.zuofeng.common.web.RequestCorrelation;
import org.zuofeng.evidence.EvidenceCatalog;
import org.zuofeng.finding.FindingService;
import org.zuofeng.sync.PushAnswer.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a device's mutations exactly once, in order. The client's last applied mutation id moves in the same
 * transaction as each mutation's data, so a repeat is answered with the original result and never applied twice,
 * and a gap is refused. A refused mutation (invalid, not permitted, a conflict) does not block the rest, but its id is
 * consumed, so the device moves on; in an atomic push the batch is applied whole or not at all. Each mutation is the
 * same service call the ordinary endpoint makes ({@link Mutations}): every rule, audit and secrecy applies. Findings
 * recorded under consecutive mutation ids (a device's day in the field) are recorded together, as the endpoint records
 * one ({@link FindingService#createAll}), in one transaction and a few statements.
 */
@ApplicationScoped
public class PushService {

    private static final Logger LOG = Logger.getLogger(PushService.class);

    private final SyncRepository sync;
    private final Mutations mutations;
    private final FindingService findings;
    private final EvidenceCatalog evidence;
    private final SyncResults answers;
    private final SyncClients clients;
    private final RequestCorrelation correlation;

    public PushService(SyncRepository sync, Mutations mutations, FindingService findings, EvidenceCatalog evidence,
            SyncResults answers, SyncClients clients, RequestCorrelation correlation) {
        this.sync = sync;
        this.mutations = mutations;
        this.findings = findings;
        this.evidence = evidence;
        this.answers = answers;
        this.clients = clients;
        this.correlation = correlation;
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
        List<PushRequest.Mutation> all = request.mutations();
        List<Result> results = new ArrayList<>();
        boolean gap = false;
        int n = 0;
        while (n < all.size()) {
            if (gap) {
                results.add(answers.gapAt(all.get(n++), rendering));
                continue;
            }
            int end = runEnd(all, n);
            List<Result> applied = end - n > 1 ? recordedTogether(request.clientId(), all.subList(n, end), rendering)
                    : List.of(applyOne(request.clientId(), all.get(n), rendering));
            results.addAll(applied);
            n += applied.size();
            gap = SyncResults.isGap(results.getLast());
        }
        return results;
    }

    /**
     * A run of findings recorded with consecutive mutation ids, in one transaction and a few statements: each is
     * checked as it would be alone and a refused one consumes its id as alone. Answers for the run's first mutations:
     * those already applied, and those the client's last id reaches; the rest, when the run does not follow on from
     * it, is left to the caller. If the batch fails as a whole, nothing of it is kept and it is applied one by one.
     */
    private List<Result> recordedTogether(UUID clientId, List<PushRequest.Mutation> run, ProblemRendering rendering) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                SyncClient client = clients.own(clientId);
                List<Result> results = new ArrayList<>();
                List<PushRequest.Mutation> taken = new ArrayList<>();
                for (PushRequest.Mutation m : run) {
                    if (m.mutationId() <= client.lastMutationId) {
                        results.add(answers.duplicate(client, m));
                    } else if (m.mutationId() == client.lastMutationId + 1 + taken.size()) {
                        taken.add(m);
                    } else {
                        if (results.isEmpty() && taken.isEmpty()) {
                            results.add(answers.gapAt(m, rendering));
                        }
                        break;
                    }
                }
                List<SyncResults.Kept> kept = recorded(taken, rendering);
                answers.keep(client, kept);
                kept.forEach(k -> results.add(k.result()));
                return results;
            });
        } catch (RuntimeException e) {
            LOG.warnf("A run of %d findings pushed together failed as a whole (%s); it is applied one by one",
                    run.size(), e.getClass().getName());
            List<Result> results = new ArrayList<>();
            for (PushRequest.Mutation m : run) {
                results.add(applyOne(clientId, m, rendering));
                if (SyncResults.isGap(results.getLast())) {
                    break;
                }
            }
            return results;
        }
    }

    /**
     * Where the run that starts at {@code start} ends: findings recorded under consecutive mutation ids are recorded
     * together ({@link #recorded}); any other mutation is a run of its own.
     */
    private static int runEnd(List<PushRequest.Mutation> all, int start) {
        int end = start + 1;
        while (end < all.size() && Mutations.recordsFinding(all.get(end - 1)) && Mutations.recordsFinding(all.get(end))
                && all.get(end).mutationId() == all.get(end - 1).mutationId() + 1) {
            end++;
        }
        return end;
    }

    /**
     * Records the findings of these mutations together, each read and checked as if it were alone: the result of
     * each, with the refusal of those refused.
     */
    private List<SyncResults.Kept> recorded(List<PushRequest.Mutation> run, ProblemRendering rendering) {
        List<FindingService.NewFinding> batch = new ArrayList<>();
        ProblemException[] refusals = new ProblemException[run.size()];
        for (int n = 0; n < run.size(); n++) {
            try {
                batch.add(mutations.newFinding(run.get(n)));
            } catch (RuntimeException e) {
                refusals[n] = refusal(e);
            }
        }
        List<FindingService.Recorded> recorded = findings.createAll(batch);
        List<SyncResults.Kept> kept = new ArrayList<>(run.size());
        for (int n = 0, r = 0; n < run.size(); n++) {
            PushRequest.Mutation m = run.get(n);
            FindingService.Recorded one = refusals[n] == null ? recorded.get(r++) : null;
            ProblemException problem = one == null ? refusals[n]
                    : one.refusal() == null ? null : refusal(one.refusal());
            kept.add(problem != null ? new SyncResults.Kept(m, answers.refused(m, problem, rendering), problem)
                    : new SyncResults.Kept(m, SyncResults.applied(m, new Mutations.Applied(one.creation().view().id(),
                            one.creation().view().version())), null));
        }
        return kept;
    }

    /** One mutation in its own transaction; if it is refused, its refusal is kept in another. */
    private Result applyOne(UUID clientId, PushRequest.Mutation m, ProblemRendering rendering) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                SyncClient client = clients.own(clientId);
                Result settled = answers.settled(client, m, rendering);
                if (settled != null) {
                    return settled;
                }
                return keep(client, m, SyncResults.applied(m, mutations.apply(m)));
            });
        } catch (RuntimeException e) {
            ProblemException problem = refusal(e);
            return QuarkusTransaction.requiringNew().call(() -> {
                SyncClient client = clients.own(clientId);
                Result settled = answers.settled(client, m, rendering);
                return settled != null ? settled : keep(client, m, answers.refused(m, problem, rendering));
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
                List<PushRequest.Mutation> all = request.mutations();
                int n = 0;
                while (n < all.size() && failedAt[0] < 0) {
                    PushRequest.Mutation m = all.get(n);
                    Result settled = answers.settled(client, m, rendering);
                    if (settled != null) {
                        results.add(settled);
                        failedAt[0] = SyncResults.isGap(settled) ? n : -1;
                        n++;
                        continue;
                    }
                    int end = runEnd(all, n);
                    try {
                        List<SyncResults.Kept> kept = end - n > 1 ? recorded(all.subList(n, end), rendering)
                                : List.of(new SyncResults.Kept(m, SyncResults.applied(m, mutations.apply(m)), null));
                        for (SyncResults.Kept k : kept) {
                            if (k.refusal() != null) {
                                failure[0] = k.refusal();
                                failedAt[0] = results.size();
                                break;
                            }
                            results.add(k.result());
                        }
                        if (failedAt[0] < 0) {
                            answers.keep(client, kept);
                            client = written(client);
                        }
                    } catch (RuntimeException e) {
                        failure[0] = refusal(e);
                        failedAt[0] = results.size();
                    }
                    n = end;
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
                    reported.add(QuarkusTransaction.requiringNew().call(() -> answers.refused(m, failure[0], rendering)));
                } else if (result != null && (result.status() == SyncResultStatus.DUPLICATE || SyncResults.isGap(result))) {
                    reported.add(result);
                } else {
                    reported.add(answers.aborted(m, request.mutations().get(failedAt[0]), rendering));
                }
            }
            return reported;
        }
    }

    /** What refused a mutation; a failure of the service itself (a 5xx) fails the whole push instead. */
    private static ProblemException refusal(RuntimeException e) {
        ProblemException problem = Problems.of(e);
        if (problem.status() >= 500) {
            throw problem;
        }
        return problem;
    }

    /** Keeps the result (sealed) and moves the client's last mutation id past it, in the mutation's transaction. */
    private Result keep(SyncClient client, PushRequest.Mutation m, Result result) {
        answers.keep(client, List.of(new SyncResults.Kept(m, result, null)));
        return result;
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
