package org.zuofeng.notice;

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

/** A situation bulletin, rectification notice, admonition talk or public exposure, numbered when issued. */
@Entity
@Table(name = "supervision_notices")
public class SupervisionNotice extends AuditedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeType type;

    @Column(nullable = false, length = 200)
    public String title;

    /** Markdown. */
    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    public LocalDate deadline;

    @Column(name = "talk_scheduled_at")
    public Instant talkScheduledAt;

    /** For an admonition talk: the area of responsibility it is about; null when not said. */
    @Column(length = 200)
    public String area;

    /** For a public exposure: written, or an exposé feature (暗访专题片); null for the other types. */
    @Enumerated(EnumType.STRING)
    public ExposureMedium medium;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeStatus status;

    @Column(name = "serial_year")
    public Integer serialYear;

    @Column(name = "serial_sequence")
    public Integer serialSequence;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;

    /** Set when a draft is deleted; deleted drafts are hidden everywhere. Issued notices are never deleted. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_addressees", joinColumns = @JoinColumn(name = "notice_id"))
    @Column(name = "unit_id", nullable = false)
    public Set<UUID> addresseeUnitIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_findings", joinColumns = @JoinColumn(name = "notice_id"))
    @Column(name = "finding_id", nullable = false)
    public Set<UUID> findingIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_officials", joinColumns = @JoinColumn(name = "notice_id"))
    @Column(name = "official_id", nullable = false)
    public Set<UUID> officialIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_summoned", joinColumns = @JoinColumn(name = "notice_id"))
    @OrderColumn(name = "position")
    public List<Summoned> summoned = new ArrayList<>();

    /** A rectification notice still waiting for an accepted response. */
    public boolean awaitingRectification() {
        return type == NoticeType.RECTIFICATION_NOTICE
                && (status == NoticeStatus.ISSUED || status == NoticeStatus.RESPONDED
                || status == NoticeStatus.RETURNED);
    }

    /** Not accepted by the end of its deadline day ({@code today} in Asia/Shanghai). */
    public boolean overdueOn(LocalDate today) {
        return awaitingRectification() && today.isAfter(deadline);
    }
}
