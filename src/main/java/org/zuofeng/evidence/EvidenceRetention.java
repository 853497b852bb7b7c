package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.jobs.Batches;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Retention: the content of evidence whose matter closed longer ago than its kind's period
 * ({@code zuofeng.evidence.retention.*}: covert, public exposure, ordinary; unset, kept for good) is destroyed by
 * deleting its wrapped key (crypto-shredding): its sealed bytes can never be read again, and are removed too. The
 * evidence records and their digests stay, each with an audit event. Content is shared by digest, so it is destroyed
 * only once every evidence made of it is past its retention, and never while anything else keeps it (a report's
 * attachment, {@link BlobReferrer}).
 *
 * <p>When a matter closed, what keeps it open and what kind it is, each feature says of its own records
 * ({@link EvidenceMatter}): a finding closes when verified or dismissed, an inspection when completed or cancelled, a
 * response when the notice it answers is accepted, closed or withdrawn; an open accountability case keeps its source
 * findings open, and retention counts from the latest of their changes. Evidence a public-exposure notice named (or
 * of a response to one) is of the exposure kind; else evidence of a covert inspection (or of its findings) is covert.
 */
@ApplicationScoped
public class EvidenceRetention {

    private static final Logger LOG = Logger.getLogger(EvidenceRetention.class);
    private static final int BATCH = 100;

    private final EntityManager em;
    private final BlobRepository blobs;
    private final EvidenceStorage storage;
    private final EvidenceMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;
    private final String expiredQuery;

    public EvidenceRetention(EntityManager em, BlobRepository blobs, EvidenceStorage storage, EvidenceMapper mapper,
            AuditTrail audit, Clock clock, EvidenceConfig config, Instance<EvidenceMatter> matters) {
        this.em = em;
        this.blobs = blobs;
        this.storage = storage;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        EvidenceConfig.Retention retention = config.evidence().retention();
        List<EvidenceMatter> all = matters.stream().toList();
        String closed = "coalesce(" + joined(all, m -> m.closedAt("e"), ", ", "null::timestamptz") + ")";
        String since = "greatest(" + closed + ", " + joined(all, m -> m.lastActivity("e"), ", ", closed) + ")";
        this.expiredQuery = """
                with matter as (
                  select e.sha256,
                    case when %s then null when %s is null then null else %s end as closed_at,
                    case when %s then %s when %s then %s else %s end as kept_for
                  from evidence e)
                select b.sha256 from evidence_blobs b
                where b.key_ref is not null and not b.clear_left
                  and exists (select 1 from evidence e where e.sha256 = b.sha256)
                  and not exists (select 1 from matter m where m.sha256 = b.sha256
                    and (m.closed_at is null or m.kept_for is null or m.closed_at + m.kept_for >= :now))"""
                .formatted(joined(all, m -> m.holds("e"), " or ", "false"), closed, since,
                        joined(all, m -> m.exposure("e"), " or ", "false"), interval(retention.exposure()),
                        joined(all, m -> m.covert("e"), " or ", "false"), interval(retention.covert()),
                        interval(retention.ordinary()))
                + blobs.notReferencedElsewhere() + " order by b.sha256 limit :limit for update of b skip locked";
    }

    @Scheduled(every = "${zuofeng.evidence.retention-every:6h}", delayed = "15m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int destroyed = destroyExpired();
        if (destroyed > 0) {
            LOG.infof("Destroyed the content of %d evidence file(s) past their retention", destroyed);
        }
    }

    /** Destroys the content of every evidence past its retention; returns how many contents. */
    public int destroyExpired() {
        List<String> destroyed = new ArrayList<>();
        Batches.repeat(BATCH, () -> {
            List<String> expired = lockExpired();
            Instant now = clock.instant();
            for (String sha256 : expired) {
                List<Evidence> made = em.createQuery("from Evidence e where e.sha256 = :sha256 order by e.id",
                        Evidence.class).setParameter("sha256", sha256).getResultList();
                List<EvidenceView> before = made.stream().map(mapper::toView).toList();
                blobs.destroyed(sha256, now);
                made.forEach(em::refresh);
                List<AuditTrail.Change> changes = IntStream.range(0, made.size()).mapToObj(i -> new AuditTrail.Change(
                        made.get(i).id, before.get(i), mapper.toView(made.get(i)))).toList();
                audit.recordAll("DESTROY_CONTENT", EvidenceService.ENTITY_TYPE, changes);
            }
            destroyed.addAll(expired);
            return expired.size();
        });
        for (String sha256 : destroyed) {
            try {
                storage.removeSealed(sha256);
            } catch (IOException e) {
                // Without its key the file is noise; the next sweep of this content removes it.
                LOG.warnf(e, "The sealed file of destroyed content %s could not be removed", sha256);
            }
        }
        return destroyed.size();
    }

    @SuppressWarnings("unchecked")
    private List<String> lockExpired() {
        return em.createNativeQuery(expiredQuery).setParameter("now", clock.instant()).setParameter("limit", BATCH)
                .getResultList();
    }

    /** What the features say, each in parentheses, joined; {@code none} when none says anything. */
    private static String joined(List<EvidenceMatter> matters, Function<EvidenceMatter, String> sql, String by,
            String none) {
        List<String> said = matters.stream().map(sql).filter(Objects::nonNull).sorted().map(x -> "(" + x + ")")
                .toList();
        return said.isEmpty() ? none : String.join(by, said);
    }

    /** A period from configuration as an SQL interval (ISO 8601), or null: kept for good. */
    private static String interval(Optional<Period> period) {
        return period.map(p -> "interval '" + p + "'").orElse("null::interval");
    }
}
