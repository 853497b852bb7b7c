package org.zuofeng.clue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.zuofeng.common.persistence.AuditedEntity;
import org.zuofeng.finding.FindingCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A problem clue (问题线索) in the register: numbered per year without gaps, about units and officials. */
@Entity
@Table(name = "clues")
public class Clue extends AuditedEntity {

    @Column(nullable = false, updatable = false)
    public int year;

    @Column(nullable = false, updatable = false)
    public int sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ClueSource source;

    /** How it came in: online for public reports; for others as the commission records it, if it does. */
    @Enumerated(EnumType.STRING)
    public ClueChannel channel;

    @Enumerated(EnumType.STRING)
    public FindingCategory category;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, length = 10_000)
    public String summary;

    @Column(name = "received_on", nullable = false, updatable = false)
    public LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClueStatus status;

    /** The public report it was registered from. */
    @Column(name = "report_id", updatable = false)
    public UUID reportId;

    /** The inspection's finding it was registered from. */
    @Column(name = "source_finding_id", updatable = false)
    public UUID sourceFindingId;

    /** The way of handling proposed, then approved. */
    @Enumerated(EnumType.STRING)
    public ClueWay way;

    @Column(name = "proposal_reason", length = 2000)
    public String proposalReason;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    /** The day a way was first proposed, which met the proposal deadline even if that proposal was refused. */
    @Column(name = "proposed_on")
    public LocalDate proposedOn;

    /** Who approved the way: never its proposer. */
    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approval_reason", length = 2000)
    public String approvalReason;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Enumerated(EnumType.STRING)
    public ClueOutcome outcome;

    @Column(length = 10_000)
    public String conclusion;

    @Column(name = "concluded_on")
    public LocalDate concludedOn;

    /** The inspection planned on what it found. */
    @Column(name = "inspection_id")
    public UUID inspectionId;

    /** The accountability case opened from it. */
    @Column(name = "case_id")
    public UUID caseId;

    /** A way of handling is to be proposed by then. */
    @Column(name = "proposal_due", nullable = false)
    public LocalDate proposalDue;

    /** For a real-name report: the reporter is to be told of acceptance by then. */
    @Column(name = "acceptance_due")
    public LocalDate acceptanceDue;

    @Column(name = "acceptance_told_on")
    public LocalDate acceptanceToldOn;

    /** For a real-name report, once concluded: the reporter is to be told of the result by then. */
    @Column(name = "result_due")
    public LocalDate resultDue;

    @Column(name = "result_told_on")
    public LocalDate resultToldOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "clue_units", joinColumns = @JoinColumn(name = "clue_id"))
    @Column(name = "unit_id", nullable = false)
    public Set<UUID> unitIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "clue_officials", joinColumns = @JoinColumn(name = "clue_id"))
    @Column(name = "official_id", nullable = false)
    public Set<UUID> officialIds = new LinkedHashSet<>();
}
