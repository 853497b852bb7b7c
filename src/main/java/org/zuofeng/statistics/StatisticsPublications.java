package org.zuofeng.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.common.time.Times;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Statistics the commission marks public: the district's summary of a period, computed when published and frozen,
 * so that what the public read does not change as records arrive later. A correction is a new publication; the old
 * one stays, as published figures do.
 */
@ApplicationScoped
@Transactional
public class StatisticsPublications {

    static final String ENTITY_TYPE = "statistics-publication";
    private static final Sorting<StatisticsPublication> SORTING = new Sorting<>("-createdAt",
            SortField.of("id", "id", p -> p.id, UUID.class),
            SortField.of("createdAt", "createdAt", p -> p.createdAt, Instant.class));

    private final StatisticsService statistics;
    private final EntityManager em;
    private final AuditTrail audit;
    private final KeysetPager pager;
    private final Clock clock;

    public StatisticsPublications(StatisticsService statistics, EntityManager em, AuditTrail audit,
            KeysetPager pager, Clock clock) {
        this.statistics = statistics;
        this.em = em;
        this.audit = audit;
        this.pager = pager;
        this.clock = clock;
    }

    /** Freezes and publishes the district's figures of a period that has ended or ends today. */
    public PublicationView publish(PublicationWrite write) {
        Period.problemWith(write.from(), write.to()).ifPresent(problem -> {
            throw ProblemException.invalidField("/from", problem);
        });
        if (write.to().isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalidField("/to", Text.of("field.afterTodayWhatHappenedPublished"));
        }
        StatisticsPublication publication = new StatisticsPublication();
        publication.title = write.title();
        publication.from = write.from();
        publication.to = write.to();
        publication.figures = statistics.summary(new Period(write.from(), write.to(), null, false));
        audit.stampCreated(publication);
        em.persist(publication);
        PublicationView view = view(publication);
        audit.record("PUBLISH", ENTITY_TYPE, publication.id, null, view);
        return view;
    }

    /** For everyone: every publication, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PublicationView> list(String sort, PageRequest page) {
        return pager.page(StatisticsPublication.class, new Filters(), SORTING, sort, page)
                .map(StatisticsPublications::view);
    }

    /** For everyone: one publication. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PublicationView get(UUID id) {
        StatisticsPublication publication = em.find(StatisticsPublication.class, id);
        if (publication == null) {
            throw ProblemException.notFound("publishedStatistics", id);
        }
        return view(publication);
    }

    private static PublicationView view(StatisticsPublication p) {
        return new PublicationView(p.id, p.title, p.from, p.to, Times.toWire(p.createdAt), p.figures);
    }
}
