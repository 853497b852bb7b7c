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
import org.zuofeng.common.persistence.ClientIds;
import org.zuofeng.common.persistence.ContentHash;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.Times;
import org.zuofeng.common.transition.Lifecycle;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.inspection.Inspection;
import org.zuofeng.inspection.InspectionAccess;
import org.zuofeng.inspection.InspectionRepository;
import org.zuofeng.inspection.InspectionService;
import org.zuofeng.inspection.InspectionStatus;
import org.zuofeng.official.OfficialRepository;
import org.zuofeng.official.PostRepository;
import org.zuofeng.unit.UnitRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /** Clocks of field devices drift; an observation may lie this far in the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Sorting<Finding> SORTING = new Sorting<>("-observedAt",
            SortField.of("id", "id", f -> f.id, UUID.class),
            SortField.of("observedAt", "observedAt", f -> f.observedAt, Instant.class),
            SortField.of("updatedAt", "updatedAt", f -> f.updatedAt, Instant.class));

    /** The filters of the finding query. */
    public record Query(UUID inspectionId, UUID unitId, boolean includeSubunits, UUID officialId,
            Set<FindingCategory> categories, Defect defect, Set<Severity> severities, Set<FindingStatus> statuses,
            OffsetDateTime observedFrom, OffsetDateTime observedTo, OffsetDateTime updatedSince) {
    }

    private final FindingRepository findings;
    private final InspectionRepository inspections;
    private final InspectionService inspectionService;
    private final CallerScope scope;
    private final UnitRepository units;
    private final OfficialRepository officials;
    private final PostRepository posts;
    private final FindingMapper mapper;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final Clock clock;

    public FindingService(FindingRepository findings, InspectionRepository inspections,
            InspectionService inspectionService, CallerScope scope, UnitRepository units,
            OfficialRepository officials, PostRepository posts, FindingMapper mapper, AuditTrail audit,
            Transitions transitions, KeysetPager pager, Clock clock) {
        this.findings = findings;
        this.inspections = inspections;
        this.inspectionService = inspectionService;
        this.scope = scope;
        this.units = units;
        this.officials = officials;
        this.posts = posts;
        this.mapper = mapper;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.clock = clock;
    }

    /** Records a finding; repeated with the same client-made id and content, answers with the existing one. */
    public Creation<FindingView> create(UUID inspectionId, FindingWrite write) {
        Inspection inspection = inspectionService.visible(inspectionId);
        String hash = ContentHash.of(write);
        var repeated = ClientIds.repeated("Finding", write.id(), findings::findByIdOptional,
                f -> f.createRequestHash.equals(hash) && f.inspectionId.equals(inspectionId));
        if (repeated.isPresent()) {
            return new Creation<>(views(List.of(repeated.get())).get(0), false);
        }
        requireTeamWhileInProgress(inspection);
        validate(inspection, write);
        Finding finding = new Finding();
        finding.id = write.id();
        finding.inspectionId = inspectionId;
        finding.status = FindingStatus.OPEN;
        finding.createRequestHash = hash;
        mapper.update(write, finding);
        audit.stampCreated(finding);
        findings.persistAndFlush(finding);
        FindingView view = views(List.of(finding)).get(0);
        audit.record("CREATE", ENTITY_TYPE, finding.id, null, view);
        return new Creation<>(view, true);
    }

    public FindingView get(UUID id) {
        Finding finding = visible(id);
        recordSecretReads(List.of(finding));
        return views(List.of(finding)).get(0);
    }

    /** Corrects a finding: the team, while the inspection is in progress. */
    public FindingView update(UUID id, IfMatch ifMatch, FindingWrite write) {
        Finding finding = visible(id);
        ifMatch.check(finding.version);
        if (write.id() != null && !write.id().equals(id)) {
            throw ProblemException.invalidField("/id", "must be absent or the id of this finding");
        }
        Inspection inspection = inspections.findById(finding.inspectionId);
        requireTeamWhileInProgress(inspection);
        validate(inspection, write);
        FindingView before = views(List.of(finding)).get(0);
        mapper.update(write, finding);
        if (mapper.toView(finding, before.evidence()).equals(before)) {
            return before;
        }
        audit.stampUpdated(finding);
        findings.flush();
        FindingView after = views(List.of(finding)).get(0);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** Findings across all inspections, as far as the caller may see them. */
    public Page<FindingView> query(Query query, String sort, PageRequest page) {
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
                            ? "e.unitId in (select u.id from Unit u where u.id = :unitId"
                            + " or array_contains(u.path, :unitId))"
                            : "e.unitId = :unitId");
        }
        filters.restrictTo(scope.readable(InspectionAccess.FINDINGS));
        Page<Finding> found = pager.page(Finding.class, filters, SORTING, sort, page);
        recordSecretReads(found.items());
        return new Page<>(views(found.items()), found.next(), found.totalCount());
    }

    /** The findings of one inspection the caller may see (404 when they may not see the inspection). */
    public Page<FindingView> ofInspection(UUID inspectionId, Query query, String sort, PageRequest page) {
        inspectionService.visible(inspectionId);
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
        FindingView before = views(List.of(finding)).get(0);
        finding.status = to;
        audit.stampUpdated(finding);
        findings.flush();
        transitions.record(ENTITY_TYPE, id, step);
        FindingView after = views(List.of(finding)).get(0);
        audit.record("TRANSITION", ENTITY_TYPE, id, before, after);
        return after;
    }

    /**
     * Moves those of the findings that are in {@code from} to {@code to}, as a consequence of a notice (issuing a
     * rectification notice, accepting the unit's response); each step is in the findings' history with the note.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(Collection<UUID> ids, FindingStatus from, FindingStatus to, String note) {
        if (ids.isEmpty()) {
            return;
        }
        for (Finding finding : findings.list("id in ?1 and status = ?2", ids, from)) {
            FindingView before = views(List.of(finding)).get(0);
            finding.status = to;
            audit.stampUpdated(finding);
            findings.flush();
            transitions.record(ENTITY_TYPE, finding.id, new Transitions.Step<>(from, to, note));
            audit.record("TRANSITION", ENTITY_TYPE, finding.id, before, views(List.of(finding)).get(0));
        }
    }

    /**
     * Findings of a covert inspection stay secret until it is completed: nothing may cite them before (a notice, an
     * accountability case), or the citation would reveal them ({@code COVERT_FINDINGS_SECRET}).
     */
    public void requireRevealed(Collection<UUID> findingIds) {
        Set<UUID> secret = findings.secretAmong(findingIds);
        if (!secret.isEmpty()) {
            throw new ProblemException(ErrorCode.COVERT_FINDINGS_SECRET, "Finding(s) " + secret.stream().sorted()
                    .map(UUID::toString).collect(Collectors.joining(", ")) + " belong to a covert inspection that is"
                    + " not completed and cannot be cited before it is");
        }
    }

    /** The unit each of these findings is about. */
    public Map<UUID, UUID> unitsOf(Collection<UUID> findingIds) {
        return findingIds.isEmpty() ? Map.of() : findings.list("id in ?1", findingIds).stream()
                .collect(Collectors.toMap(f -> f.id, f -> f.unitId));
    }

    public Page<TransitionView> history(UUID id, String sort, PageRequest page) {
        Finding finding = visible(id);
        recordSecretReads(List.of(finding));
        return transitions.history(ENTITY_TYPE, id, sort, page);
    }

    /** The finding if the caller may see it ({@link InspectionAccess}); 404 otherwise, as if it did not exist. */
    public Finding visible(UUID id) {
        return scope.require(Finding.class, id, InspectionAccess.FINDINGS, () -> ProblemException.notFound("Finding", id));
    }

    /** A read of a covert inspection's findings before its completion is on record, one event per request. */
    private void recordSecretReads(List<Finding> shown) {
        Map<UUID, Inspection> owners = inspectionsOf(shown);
        audit.recordRead(AuditTrail.READ_COVERT, ENTITY_TYPE, shown.stream()
                .filter(f -> owners.get(f.inspectionId).secret()).map(f -> f.id).toList());
    }

    private Map<UUID, Inspection> inspectionsOf(List<Finding> list) {
        Set<UUID> ids = list.stream().map(f -> f.inspectionId).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : inspections.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
    }

    private void requireTeamWhileInProgress(Inspection inspection) {
        if (!inspectionService.onTeam(inspection)) {
            throw new ProblemException(ErrorCode.FORBIDDEN,
                    "Only the inspection team records and corrects its findings");
        }
        if (inspection.status != InspectionStatus.IN_PROGRESS) {
            throw new ProblemException(ErrorCode.INSPECTION_NOT_IN_PROGRESS, "Inspection " + inspection.id + " is "
                    + inspection.status + "; findings are recorded only while it is IN_PROGRESS");
        }
    }

    /** The unit is a target or below one; each official held a post there (or below) on the day observed. */
    private void validate(Inspection inspection, FindingWrite write) {
        List<FieldError> errors = new ArrayList<>();
        if (write.observedAt().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.add(FieldError.atPointer("/observedAt", "must not be in the future"));
        }
        Set<UUID> targetTree = units.subtreeIds(inspection.targetUnitIds);
        if (!targetTree.contains(write.unitId())) {
            errors.add(new FieldError("/unitId", null, "must be a target of the inspection or a unit below one",
                    "UNIT_NOT_INSPECTED"));
        } else {
            Set<UUID> unitTree = units.subtreeIds(List.of(write.unitId()));
            LocalDate day = write.observedAt().atZoneSameInstant(Times.ZONE).toLocalDate();
            Set<UUID> known = write.officials().isEmpty() ? Set.of() : officials.list("id in ?1",
                    write.officials()).stream().map(o -> o.id).collect(Collectors.toSet());
            Set<UUID> inPost = new HashSet<>(posts.officialsInPostIn(write.officials(), unitTree, day));
            for (int n = 0; n < write.officials().size(); n++) {
                UUID official = write.officials().get(n);
                if (!known.contains(official)) {
                    errors.add(new FieldError("/officialIds/" + n, null, "official not found", "OFFICIAL_NOT_FOUND"));
                } else if (!inPost.contains(official)) {
                    errors.add(new FieldError("/officialIds/" + n, null,
                            "held no post in the unit or below it on the day observed", "OFFICIAL_NOT_IN_UNIT"));
                }
            }
        }
        if (new HashSet<>(write.officials()).size() != write.officials().size()) {
            errors.add(FieldError.atPointer("/officialIds", "each official may appear only once"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private List<FindingView> views(List<Finding> list) {
        Map<UUID, List<EvidenceSummary>> evidence = findings.activeEvidence(list.stream().map(f -> f.id).toList());
        return list.stream().map(f -> mapper.toView(f, evidence.getOrDefault(f.id, List.of()))).toList();
    }
}
