package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.inspection.Inspections;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What other features ask of findings (a notice or a case citing them), and the only way they reach them: no class
 * outside this package reads a {@link Finding} or its table.
 */
@ApplicationScoped
@Transactional
public class Findings {

    private final FindingRepository findings;
    private final FindingService service;
    private final Inspections inspections;

    public Findings(FindingRepository findings, FindingService service, Inspections inspections) {
        this.findings = findings;
        this.service = service;
        this.inspections = inspections;
    }

    /** The unit each of these findings is about (findings that do not exist are left out). */
    public Map<UUID, UUID> unitsOf(Collection<UUID> findingIds) {
        return findings.unitsOf(findingIds);
    }

    /** Those of these findings whose inspection is secret now (covert, not completed). */
    public Set<UUID> secretAmong(Collection<UUID> findingIds) {
        Map<UUID, UUID> inspectionOf = findings.inspectionsOf(findingIds);
        Set<UUID> secret = inspections.secretAmong(Set.copyOf(inspectionOf.values()));
        return inspectionOf.entrySet().stream().filter(e -> secret.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Those of these findings that come from covert inspections (暗访). */
    public Set<UUID> ofCovertInspections(Collection<UUID> findingIds) {
        Map<UUID, UUID> inspectionOf = findings.inspectionsOf(findingIds);
        Set<UUID> covert = inspections.covertAmong(Set.copyOf(inspectionOf.values()));
        return inspectionOf.entrySet().stream().filter(e -> covert.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** The covert inspection, not yet completed, that holds back what is published of this finding. */
    public Optional<UUID> heldBackBy(UUID findingId) {
        return Optional.ofNullable(heldBackBy(Set.of(findingId)).get(findingId));
    }

    /** {@link #heldBackBy(UUID)} for each of these findings: the held ones, by id, to their inspection. */
    public Map<UUID, UUID> heldBackBy(Collection<UUID> findingIds) {
        Map<UUID, UUID> inspectionOf = findings.inspectionsOf(findingIds);
        Set<UUID> secret = inspections.secretAmong(Set.copyOf(inspectionOf.values()));
        return inspectionOf.entrySet().stream().filter(e -> secret.contains(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Findings of a covert inspection stay secret until it is completed: nothing may cite them before (a notice, an
     * accountability case), or the citation would reveal them ({@code COVERT_FINDINGS_SECRET}).
     */
    public void requireRevealed(Collection<UUID> findingIds) {
        Set<UUID> secret = secretAmong(findingIds);
        if (!secret.isEmpty()) {
            throw new ProblemException(ErrorCode.COVERT_FINDINGS_SECRET,
                    Text.of("finding.findingSBelongCovertInspection",
                    secret.stream().sorted() .map(UUID::toString).collect(Collectors.joining(", "))));
        }
    }

    /**
     * Moves those of the findings that are in {@code from} to {@code to}, as a consequence of a notice (issuing a
     * rectification notice, accepting the unit's response); each step is in the findings' history with the note.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(Collection<UUID> ids, FindingStatus from, FindingStatus to, String note) {
        service.follow(ids, from, to, note);
    }
}
