package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Retention: the content of evidence whose matter closed longer ago than its kind's period
 * ({@code zuofeng.evidence.retention.*}: covert, public exposure, ordinary; unset, kept for good) is destroyed by
 * deleting its wrapped key (crypto-shredding): its sealed bytes can never be read again, and are removed too. The
 * evidence records and their digests stay, each with an audit event. Content is shared by digest, so it is destroyed
 * only once every evidence made of it is past its retention, and never while anything else keeps it (a report's
 * attachment, {@link BlobReferrer}).
 *
 * <p>A matter closes when the finding is verified or dismissed and every accountability case it is a source of is
 * closed or waived (the latest of those dates); when the inspection is completed or cancelled; when the notice a
 * response answers is accepted, closed or withdrawn. Evidence of a finding a public-exposure notice named (or of a
 * response to one) is of the exposure kind; else evidence of a covert inspection (or of its findings) is covert.
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
            AuditTrail audit, Clock clock, EvidenceConfig config) {
        this.em = em;
        this.blobs = blobs;
        this.storage = storage;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        EvidenceConfig.Retention retention = config.evidence().retention();
        this.expiredQuery = """
                with matter as (
                  select e.sha256,
                    case
                      when e.finding_id is not null then
                        case when f.status in ('VERIFIED', 'DISMISSED') and not exists (
                            select 1 from case_source_findings s join accountability_cases c on c.id = s.case_id
                            where s.finding_id = f.id and c.status not in ('CLOSED', 'WAIVED'))
                        then greatest(f.updated_at, (select max(c.updated_at) from case_source_findings s
                            join accountability_cases c on c.id = s.case_id where s.finding_id = f.id)) end
                      when e.inspection_id is not null then
                        case when i.status in ('COMPLETED', 'CANCELLED') then i.updated_at end
                      else case when n.status in ('ACCEPTED', 'CLOSED', 'WITHDRAWN') then n.updated_at end
                    end as closed_at,
                    case
                      when n.type = 'PUBLIC_EXPOSURE' or exists (select 1 from notice_findings nf
                          join supervision_notices x on x.id = nf.notice_id
                          where nf.finding_id = e.finding_id and x.type = 'PUBLIC_EXPOSURE'
                            and x.status not in ('DRAFT', 'WITHDRAWN')) then %s
                      when coalesce(i.type, fi.type) = 'COVERT' then %s
                      else %s
                    end as kept_for
                  from evidence e
                  left join findings f on f.id = e.finding_id
                  left join inspections fi on fi.id = f.inspection_id
                  left join inspections i on i.id = e.inspection_id
                  left join notice_responses r on r.id = e.response_id
                  left join supervision_notices n on n.id = r.notice_id)
                select b.sha256 from evidence_blobs b
                where b.key_ref is not null and not b.clear_left
                  and exists (select 1 from evidence e where e.sha256 = b.sha256)
                  and not exists (select 1 from matter m where m.sha256 = b.sha256
                    and (m.closed_at is null or m.kept_for is null or m.closed_at + m.kept_for >= :now))"""
                .formatted(interval(retention.exposure()), interval(retention.covert()),
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

    /** A period from configuration as an SQL interval (ISO 8601), or null: kept for good. */
    private static String interval(Optional<Period> period) {
        return period.map(p -> "interval '" + p + "'").orElse("null::interval");
    }
}
