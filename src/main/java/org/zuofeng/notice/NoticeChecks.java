package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
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
                errors.add(FieldError.atPointer("/addresseeUnitIds/" + n, Text.of("field.unitNotFound")));
            }
        }
        Set<UUID> knownFindings = findings.unitsOf(write.findings()).keySet();
        for (int n = 0; n < write.findings().size(); n++) {
            if (!knownFindings.contains(write.findings().get(n))) {
                errors.add(FieldError.atPointer("/findingIds/" + n, Text.of("field.findingNotFound")));
            }
        }
        Set<UUID> knownOfficials = officials.existing(write.officials());
        for (int n = 0; n < write.officials().size(); n++) {
            if (!knownOfficials.contains(write.officials().get(n))) {
                errors.add(FieldError.atPointer("/officialIds/" + n, Text.of("field.officialNotFound")));
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
            throw new ProblemException(ErrorCode.NOT_OF_ADDRESSED_UNITS,
                    Text.of("notice.noticeCitesFindingsNamesOfficials", issueDate), outside);
        }
        if (notice.medium == ExposureMedium.VIDEO_FEATURE) {
            requireCovertVideo(notice);
        }
        if (notice.deadline != null && notice.deadline.isBefore(issueDate)) {
            throw new ProblemException(ErrorCode.DEADLINE_BEFORE_ISSUE,
                    Text.of("notice.deadlineBeforeIssueDateCorrect", notice.deadline, issueDate));
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
                    ? Text.of("notice.exposeCitesNone")
                    : covert.size() != notice.findingIds.size()
                    ? Text.of("notice.exposeCovertOnly")
                    : Text.of("notice.exposeNoVideo"));
        }
    }

    void requireDraft(SupervisionNotice notice) {
        if (notice.status != NoticeStatus.DRAFT) {
            throw new ProblemException(ErrorCode.NOTICE_ISSUED,
                    Text.of("notice.noticeDraftsEditedDeleted", notice.id, notice.status));
        }
    }

    private List<FieldError> fieldsOfType(NoticeWrite write) {
        List<FieldError> errors = new ArrayList<>();
        boolean servedOnOne = write.type() == NoticeType.RECTIFICATION_NOTICE
                || write.type() == NoticeType.ADMONITION_TALK;
        if (servedOnOne && write.addresseeUnitIds().size() != 1) {
            errors.add(FieldError.atPointer("/addresseeUnitIds", Text.of("field.servedExactlyOneUnit", write.type())));
        }
        if (new HashSet<>(write.addresseeUnitIds()).size() != write.addresseeUnitIds().size()) {
            errors.add(FieldError.atPointer("/addresseeUnitIds", Text.of("field.eachUnitMayAppearOnce")));
        }
        if (write.type() == NoticeType.RECTIFICATION_NOTICE && write.deadline() == null) {
            errors.add(FieldError.atPointer("/deadline", Text.of("field.requiredRectificationNotice")));
        } else if (write.type() != NoticeType.RECTIFICATION_NOTICE && write.deadline() != null) {
            errors.add(FieldError.atPointer("/deadline", Text.of("field.rectificationNotices")));
        } else if (write.deadline() != null && write.deadline().isBefore(LocalDate.now(clock))) {
            errors.add(FieldError.atPointer("/deadline", Text.of("field.notPast")));
        }
        if (write.talkScheduledAt() != null && write.type() != NoticeType.ADMONITION_TALK) {
            errors.add(FieldError.atPointer("/talkScheduledAt", Text.of("field.admonitionTalks")));
        }
        if (write.area() != null && write.type() != NoticeType.ADMONITION_TALK) {
            errors.add(FieldError.atPointer("/area", Text.of("field.admonitionTalks")));
        } else if (write.area() != null && !write.officials().isEmpty()) {
            errors.add(FieldError.atPointer("/area", Text.of("field.choosesWhomSummonLeaveOut")));
        }
        if (write.type() == NoticeType.PUBLIC_EXPOSURE && write.visibility() == Visibility.INTERNAL) {
            errors.add(FieldError.atPointer("/visibility", Text.of("field.publicExposureAlwaysPUBLIC")));
        }
        if (write.medium() != null && write.type() != NoticeType.PUBLIC_EXPOSURE) {
            errors.add(FieldError.atPointer("/medium", Text.of("field.publicExposures")));
        }
        return errors;
    }

    private void requireActiveAddressees(Collection<UUID> unitIds) {
        for (UUID unitId : unitIds) {
            if (!units.find(unitId).map(UnitRef::active).orElse(false)) {
                throw new ProblemException(ErrorCode.UNIT_DISSOLVED,
                        Text.of("notice.unitDissolvedCannotAddressed", unitId));
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
                        Text.of("field.unitNotAddressed"),
                        "NOT_OF_ADDRESSED_UNITS"));
            }
        }
        Set<UUID> inPost = officials.inPostIn(officialIds, addressed, day);
        for (int n = 0; n < officialIds.size(); n++) {
            if (!inPost.contains(officialIds.get(n))) {
                errors.add(new FieldError("/officialIds/" + n, null, Text.of("field.noPostInAddressedUnit", day),
                        "NOT_OF_ADDRESSED_UNITS"));
            }
        }
        return errors;
    }
}
