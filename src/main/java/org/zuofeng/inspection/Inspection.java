package org.zuofeng.inspection;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An open inspection, covert visit or supervision check of one or more units by a team. */
@Entity
@Table(name = "inspections")
public class Inspection extends AuditedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionType type;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 10_000)
    public String description;

    @Column(length = 500)
    public String topic;

    @Column(name = "planned_start", nullable = false)
    public LocalDate plannedStart;

    @Column(name = "planned_end", nullable = false)
    public LocalDate plannedEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionStatus status;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(length = 10_000)
    public String summary;

    /** Digest of the create request, to answer a client's repeated create under the same id. */
    @Column(name = "create_request_hash", nullable = false, updatable = false)
    public String createRequestHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspection_targets", joinColumns = @JoinColumn(name = "inspection_id"))
    @Column(name = "unit_id", nullable = false)
    public Set<UUID> targetUnitIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspection_team", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "position")
    public List<TeamMember> team = new ArrayList<>();

    /** A covert inspection stays secret from its targets until it is completed. */
    public boolean secret() {
        return type == InspectionType.COVERT && status != InspectionStatus.COMPLETED;
    }
}
