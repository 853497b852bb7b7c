package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.persistence.ClientIds;
import org.zuofeng.common.persistence.ContentHash;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.inspection.InspectionRef;
import org.zuofeng.inspection.Inspections;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Records findings ({@link FindingService#createAll}): one from the endpoint, or a device's thousand from a push,
 * each under the same rules; whatever their number, the rows, audit events and events take a few statements and the
 * inspections, units and repeated ids are looked up once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class FindingCreations {

    private final FindingRepository findings;
    private final FindingChecks checks;
    private final Inspections inspections;
    private final FindingViews views;
    private final FindingMapper mapper;
    private final AuditTrail audit;

    FindingCreations(FindingRepository findings, FindingChecks checks, Inspections inspections, FindingViews views,
            FindingMapper mapper, AuditTrail audit) {
        this.findings = findings;
        this.checks = checks;
        this.inspections = inspections;
        this.views = views;
        this.mapper = mapper;
        this.audit = audit;
    }

    List<FindingService.Recorded> createAll(List<FindingService.NewFinding> batch) {
        Map<UUID, Finding> known = new HashMap<>();
        List<UUID> ids = batch.stream().map(f -> f.write().id()).filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            findings.list("id in ?1", ids).forEach(f -> known.put(f.id, f));
        }
        Map<UUID, InspectionRef> seen = new HashMap<>();
        FindingChecks.Subtrees subtrees = new FindingChecks.Subtrees();
        Finding[] answers = new Finding[batch.size()];
        boolean[] createdHere = new boolean[batch.size()];
        ProblemException[] refusals = new ProblemException[batch.size()];
        List<Finding> created = new ArrayList<>();
        for (int n = 0; n < batch.size(); n++) {
            FindingService.NewFinding item = batch.get(n);
            try {
                InspectionRef inspection = seen.computeIfAbsent(item.inspectionId(), inspections::requireVisible);
                String hash = ContentHash.of(item.write());
                var repeated = ClientIds.repeated("Finding", item.write().id(),
                        id -> Optional.ofNullable(known.get(id)),
                        f -> f.createRequestHash.equals(hash) && f.inspectionId.equals(item.inspectionId()));
                if (repeated.isPresent()) {
                    answers[n] = repeated.get();
                    continue;
                }
                checks.requireTeamWhileInProgress(inspection);
                checks.validate(inspection, item.write(), subtrees);
                Finding finding = new Finding();
                finding.id = item.write().id();
                finding.inspectionId = item.inspectionId();
                finding.status = FindingStatus.OPEN;
                finding.createRequestHash = hash;
                mapper.update(item.write(), finding);
                audit.stampCreated(finding);
                findings.persist(finding);
                known.put(finding.id, finding);
                created.add(finding);
                answers[n] = finding;
                createdHere[n] = true;
            } catch (ProblemException refused) {
                refusals[n] = refused;
            }
        }
        findings.flush();
        Map<UUID, FindingView> shown = new HashMap<>();
        views.of(Arrays.stream(answers).filter(Objects::nonNull).distinct().toList())
                .forEach(view -> shown.put(view.id(), view));
        audit.recordAll("CREATE", FindingService.ENTITY_TYPE, created.stream()
                .map(f -> new AuditTrail.Change(f.id, null, shown.get(f.id))).toList());
        List<FindingService.Recorded> recorded = new ArrayList<>(batch.size());
        for (int n = 0; n < batch.size(); n++) {
            Finding answer = answers[n];
            recorded.add(answer == null ? new FindingService.Recorded(null, refusals[n])
                    : new FindingService.Recorded(new Creation<>(shown.get(answer.id), createdHere[n]), null));
        }
        return recorded;
    }
}
