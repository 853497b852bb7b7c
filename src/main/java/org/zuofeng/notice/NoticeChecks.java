package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.evidence.EvidenceCatalog;
import org.zuofeng.finding.Findings;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.UnitRef;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What makes a notice sound, checked when it is drafted and again when it is issued: the fields its type takes,
 * active addressees, and nothing cited or named outside the addressed units (which alone read and answer it).
 */
@ApplicationScoped
class NoticeChecks {

    private final Units units;
    private final Officials officials;
    private final Findings findings;
    private final EvidenceCatalog evidence;
    private final Clock clock;

    NoticeChecks(Units units, Officials officials, Findings findings, EvidenceCatalog evidence, Clock clock) {
        this.units = units;
        this.officials = officials;
        this.findings = findings;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** A draft as written: 400 with every field that is wrong, then 409 for what the records forbid. */
    void validate(NoticeWrite write) {
        List<FieldError> errors = fieldsOfType(write);
        Set<UUID> knownUnits = units.existing(write.addresseeUnitIds());
        for (int n = 0; n < write.addresseeUnitIds().size(); n++) {
            if (!knownUnits.contains(write.addresseeUnitIds().get(n))) {
                errors.add(FieldError.atPointer("/addresseeUnitIds/" + n, "unit not found"));
            }
        }
        Set<UUID> knownFindings = findings.unitsOf(write.findings()).keySet();
        for (int n = 0; n < write.findings().size(); n++) {
            if (!knownFindings.contains(write.findings().get(n))) {
                errors.add(FieldError.atPointer("/findingIds/" + n, "finding not found"));
            }
        }
        Set<UUID> knownOfficials = officials.existing(write.officials());
        for (int n = 0; n < write.officials().size(); n++) {
            if (!knownOfficials.contains(write.officials().get(n))) {
                errors.add(FieldError.atPointer("/officialIds/" + n, "official not found"));
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(outsideAddressees(write.addresseeUnitIds(), write.findings(), write.officials(),
                    LocalDate.now(clock)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        requireActiveAddressees(write.addresseeUnitIds());
        findings.requireRevealed(write.findings());
    }

    /** The draft once more on its issue date: the units may have been dissolved, the officials left their posts. */
    void validateIssue(SupervisionNotice notice, LocalDate issueDate) {
        requireActiveAddressees(notice.addresseeUnitIds);
        findings.requireRevealed(notice.findingIds);
        List<FieldError> outside = outsideAddressees(List.copyOf(notice.addresseeUnitIds),
                List.copyOf(notice.findingIds), List.copyOf(notice.officialIds), issueDate);
        if (!outside.isEmpty()) {
            throw new ProblemException(ErrorCode.NOT_OF_ADDRESSED_UNITS, "The notice cites findings or names "
                    + "officials outside its addressed units on the issue date " + issueDate, outside);
        }
        if (notice.medium == ExposureMedium.VIDEO_FEATURE) {
            requireCovertVideo(notice);
        }
        if (notice.deadline != null && notice.deadline.isBefore(issueDate)) {
            throw new ProblemException(ErrorCode.DEADLINE_BEFORE_ISSUE, "The deadline " + notice.deadline
                    + " is before the issue date " + issueDate + "; correct the draft first");
        }
    }

    /**
     * An exposé feature is compiled from covert evidence: it cites findings of covert inspections only (completed,
     * by {@link Findings#requireRevealed}), and video evidence is among theirs.
     */
    private void requireCovertVideo(SupervisionNotice notice) {
        Set<UUID> covert = findings.ofCovertInspections(notice.findingIds);
        boolean video = evidence.activeOfFindings(notice.findingIds).values().stream().flatMap(List::stream)
                .anyMatch(e -> e.mediaType().startsWith("video/"));
        if (notice.findingIds.isEmpty() || covert.size() != notice.findingIds.size() || !video) {
            throw new ProblemException(ErrorCode.NOT_A_COVERT_FEATURE, notice.findingIds.isEmpty()
                    ? "An exposé feature cites the covert findings it is compiled from; this one cites none"
                    : covert.size() != notice.findingIds.size()
                    ? "An exposé feature cites findings of covert inspections only"
                    : "None of the cited findings has video evidence to compile an exposé feature from");
        }
    }

    void requireDraft(SupervisionNotice notice) {
        if (notice.status != NoticeStatus.DRAFT) {
            throw new ProblemException(ErrorCode.NOTICE_ISSUED,
                    "Notice " + notice.id + " is " + notice.status + "; only drafts are edited or deleted");
        }
    }

    private List<FieldError> fieldsOfType(NoticeWrite write) {
        List<FieldError> errors = new ArrayList<>();
        boolean servedOnOne = write.type() == NoticeType.RECTIFICATION_NOTICE
                || write.type() == NoticeType.ADMONITION_TALK;
        if (servedOnOne && write.addresseeUnitIds().size() != 1) {
            errors.add(FieldError.atPointer("/addresseeUnitIds", "a " + write.type() + " is served on exactly one unit"));
        }
        if (new HashSet<>(write.addresseeUnitIds()).size() != write.addresseeUnitIds().size()) {
            errors.add(FieldError.atPointer("/addresseeUnitIds", "each unit may appear only once"));
        }
        if (write.type() == NoticeType.RECTIFICATION_NOTICE && write.deadline() == null) {
            errors.add(FieldError.atPointer("/deadline", "is required for a rectification notice"));
        } else if (write.type() != NoticeType.RECTIFICATION_NOTICE && write.deadline() != null) {
            errors.add(FieldError.atPointer("/deadline", "is only for rectification notices"));
        } else if (write.deadline() != null && write.deadline().isBefore(LocalDate.now(clock))) {
            errors.add(FieldError.atPointer("/deadline", "must not be in the past"));
        }
        if (write.talkScheduledAt() != null && write.type() != NoticeType.ADMONITION_TALK) {
            errors.add(FieldError.atPointer("/talkScheduledAt", "is only for admonition talks"));
        }
        if (write.area() != null && write.type() != NoticeType.ADMONITION_TALK) {
            errors.add(FieldError.atPointer("/area", "is only for admonition talks"));
        } else if (write.area() != null && !write.officials().isEmpty()) {
            errors.add(FieldError.atPointer("/area", "chooses whom to summon; leave it out when naming officialIds"));
        }
        if (write.type() == NoticeType.PUBLIC_EXPOSURE && write.visibility() == Visibility.INTERNAL) {
            errors.add(FieldError.atPointer("/visibility", "a public exposure is always PUBLIC"));
        }
        if (write.medium() != null && write.type() != NoticeType.PUBLIC_EXPOSURE) {
            errors.add(FieldError.atPointer("/medium", "is only for public exposures"));
        }
        return errors;
    }

    private void requireActiveAddressees(Collection<UUID> unitIds) {
        for (UUID unitId : unitIds) {
            if (!units.find(unitId).map(UnitRef::active).orElse(false)) {
                throw new ProblemException(ErrorCode.UNIT_DISSOLVED,
                        "Unit " + unitId + " is dissolved and cannot be addressed");
            }
        }
    }

    /**
     * What a notice cites or names must belong to the units it is addressed to: each finding is about an addressed
     * unit or one below it, each official holds a post there on {@code day}. A field error for each that does not.
     */
    private List<FieldError> outsideAddressees(List<UUID> addressees, List<UUID> findingIds, List<UUID> officialIds,
            LocalDate day) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> addressed = units.subtree(addressees);
        Map<UUID, UUID> unitOf = findings.unitsOf(findingIds);
        for (int n = 0; n < findingIds.size(); n++) {
            UUID unit = unitOf.get(findingIds.get(n));
            if (unit != null && !addressed.contains(unit)) {
                errors.add(new FieldError("/findingIds/" + n, null,
                        "is about a unit that is neither addressed nor below an addressed unit",
                        "NOT_OF_ADDRESSED_UNITS"));
            }
        }
        Set<UUID> inPost = officials.inPostIn(officialIds, addressed, day);
        for (int n = 0; n < officialIds.size(); n++) {
            if (!inPost.contains(officialIds.get(n))) {
                errors.add(new FieldError("/officialIds/" + n, null, "holds no post on " + day
                        + " in an addressed unit or below one", "NOT_OF_ADDRESSED_UNITS"));
            }
        }
        return errors;
    }
}
