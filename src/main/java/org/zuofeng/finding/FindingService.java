package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.Times;
import org.zuofeng.common.transition.Lifecycle;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.inspection.InspectionRef;
import org.zuofeng.inspection.Inspections;
import org.zuofeng.unit.Units;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Findings: recorded and corrected by the inspection team while the inspection runs (also offline, under a
 * client-made id), then moved along their lifecycle by the commission; queried across all inspections.
 */
@ApplicationScoped
@Transactional
public class FindingService {

    public static final String ENTITY_TYPE = "finding";

    static final Lifecycle<FindingStatus> LIFECYCLE = Lifecycle.of(FindingStatus.class)
            .step(FindingStatus.RECTIFYING, FindingStatus.OPEN)
            .step(FindingStatus.RECTIFIED, FindingStatus.RECTIFYING)
            .step(FindingStatus.VERIFIED, FindingStatus.RECTIFIED)
            .step(FindingStatus.DISMISSED, FindingStatus.OPEN, FindingStatus.RECTIFYING)
            .noteRequired(FindingStatus.DISMISSED)
            .build();

    private static final SortField<FindingReads.Read> ID = SortField.of("id", "id", r -> r.view().id(), UUID.class);
    private static final SortField<FindingReads.Read> OBSERVED = SortField.of("observedAt", "observedAt",
            r -> Times.fromWire(r.view().observedAt()), Instant.class);

    private static final Sorting<FindingReads.Read> SORTING = new Sorting<>("-observedAt", ID, OBSERVED,
            SortField.of("updatedAt", "updatedAt", r -> Times.fromWire(r.view().updatedAt()), Instant.class));

    /**
     * A device's copy is taken inspection by inspection, in the order of the index on (inspection, observed, id): an
     * inspector's findings are those of a few inspections among many, which a walk by id would filter out one by one
     * (deploy/bench, P7: 44 ms a page of 500, against 5 ms).
     */
    private static final Sorting<FindingReads.Read> SYNC_ORDER = new Sorting<>("inspectionId,observedAt", ID, OBSERVED,
            SortField.of("inspectionId", "inspectionId", r -> r.view().inspectionId(), UUID.class));

    /** The filters of the finding query. */
    public record Query(UUID inspectionId, UUID unitId, boolean includeSubunits, UUID officialId,
            Set<FindingCategory> categories, Defect defect, Set<Severity> severities, Set<FindingStatus> statuses,
            OffsetDateTime observedFrom, OffsetDateTime observedTo, OffsetDateTime updatedSince) {
    }

    private final FindingRepository findings;
    private final FindingChecks checks;
    private final Inspections inspections;
    private final FindingViews views;
    private final FindingReads reads;
    private final CallerScope scope;
    private final FindingMapper mapper;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final FindingCreations creations;

    public FindingService(FindingRepository findings, FindingChecks checks, Inspections inspections,
            FindingViews views, FindingReads reads, CallerScope scope, FindingMapper mapper, AuditTrail audit,
            Transitions transitions, KeysetPager pager, FindingCreations creations) {
        this.findings = findings;
        this.checks = checks;
        this.inspections = inspections;
        this.views = views;
        this.reads = reads;
        this.scope = scope;
        this.mapper = mapper;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.creations = creations;
    }

    /** A finding to record in an inspection, for {@link #createAll}. */
    public record NewFinding(UUID inspectionId, FindingWrite write) {
    }

    /** What became of one finding of {@link #createAll}: its creation, or the problem that refused it. */
    public record Recorded(Creation<FindingView> creation, ProblemException refusal) {
    }

    /** Records a finding; repeated with the same client-made id and content, answers with the existing one. */
    public Creation<FindingView> create(UUID inspectionId, FindingWrite write) {
        Recorded recorded = createAll(List.of(new NewFinding(inspectionId, write))).getFirst();
        if (recorded.refusal() != null) {
            throw recorded.refusal();
        }
        return recorded.creation();
    }

    /**
     * Records findings together (a device's push), in order, each under the rules of {@link #create}: a refused one
     * leaves the others be, and one under an earlier one's id repeats it. The batch's rows, audit events and events
     * are written with a few statements, whatever its size.
     */
    public List<Recorded> createAll(List<NewFinding> batch) {
        return creations.createAll(batch);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FindingView get(UUID id) {
        FindingReads.Read read = reads.one(id).orElseThrow(() -> notFound(id));
        recordSecretReads(List.of(read));
        return read.view();
    }

    /** Corrects a finding: the team, while the inspection is in progress. */
    public FindingView update(UUID id, IfMatch ifMatch, FindingWrite write) {
        Finding finding = visible(id);
        ifMatch.check(finding.version);
        if (write.id() != null && !write.id().equals(id)) {
            throw ProblemException.invalidField("/id", Text.of("field.absentIdFinding"));
        }
        InspectionRef inspection = inspections.get(finding.inspectionId);
        checks.requireTeamWhileInProgress(inspection);
        checks.validate(inspection, write);
        FindingView before = views.of(finding);
        mapper.update(write, finding);
        if (mapper.toView(finding, before.unitName(), before.evidence()).equals(before)) {
            return before;
        }
        audit.stampUpdated(finding);
        findings.flush();
        FindingView after = views.of(finding);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** Findings across all inspections, as far as the caller may see them. */
    public Page<FindingView> query(Query query, String sort, PageRequest page) {
        Page<FindingReads.Read> found = pager.page(Finding.class, filters(query), SORTING, sort, page,
                reads.projection());
        recordSecretReads(found.items());
        return new Page<>(viewsOf(found.items()), found.next(), found.totalCount());
    }

    /**
     * Every finding of the query the caller may see, in the list's order, {@code chunk} at a time, through one cursor
     * (exports); the covert reads are on record a chunk at a time.
     */
    public void export(Query query, int chunk, Consumer<List<FindingView>> chunks) {
        pager.stream(Finding.class, filters(query), SORTING, reads.projection(), chunk, read -> {
            recordSecretReads(read);
            chunks.accept(viewsOf(read));
        });
    }

    private Filters filters(Query query) {
        Filters filters = new Filters()
                .when(query.inspectionId(), "inspectionId", "e.inspectionId = :inspectionId")
                .when(query.officialId(), "officialId", "array_contains(e.officialIds, :officialId)")
                .when(query.categories(), "categories", "e.category in :categories")
                .when(query.defect() == null ? null : query.defect().name(), "defect",
                        "array_contains(e.defects, :defect)")
                .when(query.severities(), "severities", "e.severity in :severities")
                .when(query.statuses(), "statuses", "e.status in :statuses")
                .when(Times.fromWire(query.observedFrom()), "observedFrom", "e.observedAt >= :observedFrom")
                .when(Times.fromWire(query.observedTo()), "observedTo", "e.observedAt < :observedTo")
                .when(Times.fromWire(query.updatedSince()), "updatedSince", "e.updatedAt >= :updatedSince");
        if (query.unitId() != null) {
            filters.shapedBy("includeSubunits", query.includeSubunits()).when(query.unitId(), "unitId",
                    query.includeSubunits()
                            ? "e.unitId in " + Units.subtreeOf("unitId")
                            : "e.unitId = :unitId");
        }
        return filters.restrictTo(scope.readable(FindingAccess.FINDINGS));
    }

    /** For sync ({@link FindingSync}): every finding the caller may see, or those among {@code ids}. */
    public Page<FindingView> synced(Collection<UUID> ids, PageRequest page) {
        Filters filters = new Filters().among(ids).restrictTo(scope.readable(FindingAccess.FINDINGS));
        Page<FindingReads.Read> found = pager.page(Finding.class, filters, SYNC_ORDER, null, page, reads.projection());
        recordSecretReads(found.items());
        return new Page<>(viewsOf(found.items()), found.next(), null);
    }

    /** The findings of one inspection the caller may see (404 when they may not see the inspection). */
    public Page<FindingView> ofInspection(UUID inspectionId, Query query, String sort, PageRequest page) {
        inspections.requireVisible(inspectionId);
        return query(new Query(inspectionId, query.unitId(), query.includeSubunits(), query.officialId(),
                query.categories(), query.defect(), query.severities(), query.statuses(), query.observedFrom(),
                query.observedTo(), query.updatedSince()), sort, page);
    }

    /** Moves a finding along its lifecycle (commission and admins). */
    public FindingView transition(UUID id, IfMatch ifMatch, TransitionRequest request) {
        Finding finding = visible(id);
        ifMatch.check(finding.version);
        FindingStatus to = LIFECYCLE.parse(request.to);
        Transitions.Step<FindingStatus> step = transitions.check(LIFECYCLE, finding.status, to, request);
        FindingView before = views.of(finding);
        finding.status = to;
        audit.stampUpdated(finding);
        findings.flush();
        transitions.record(ENTITY_TYPE, id, step);
        FindingView after = views.of(finding);
        audit.record("TRANSITION", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** Moves those of the findings that are in {@code from} to {@code to}, with the note ({@link Findings#follow}). */
    @Transactional(Transactional.TxType.MANDATORY)
    void follow(Collection<UUID> ids, FindingStatus from, FindingStatus to, String note) {
        if (ids.isEmpty()) {
            return;
        }
        for (Finding finding : findings.list("id in ?1 and status = ?2", ids, from)) {
            FindingView before = views.of(finding);
            finding.status = to;
            audit.stampUpdated(finding);
            findings.flush();
            transitions.record(ENTITY_TYPE, finding.id, new Transitions.Step<>(from, to, note));
            audit.record("TRANSITION", ENTITY_TYPE, finding.id, before, views.of(finding));
        }
    }

    public Page<TransitionView> history(UUID id, String sort, PageRequest page) {
        get(id);
        return transitions.history(ENTITY_TYPE, id, sort, page);
    }

    /** The finding if the caller may see it ({@link FindingAccess}); 404 otherwise, as if it did not exist. */
    Finding visible(UUID id) {
        return scope.require(Finding.class, id, FindingAccess.FINDINGS, () -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("finding", id);
    }

    private static List<FindingView> viewsOf(List<FindingReads.Read> read) {
        return read.stream().map(FindingReads.Read::view).toList();
    }

    /** A read of a covert inspection's findings before its completion is on record, one event per request. */
    private void recordSecretReads(List<FindingReads.Read> shown) {
        audit.recordRead(AuditTrail.READ_COVERT, ENTITY_TYPE,
                shown.stream().filter(FindingReads.Read::secret).map(r -> r.view().id()).toList());
    }
}
