package org.zuofeng.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One stage of escalation of an overdue rectification notice: at most one per notice and stage. */
@Entity
@Table(name = "notice_escalations")
public class NoticeEscalation {

    @Id
    public UUID id;

    @Column(name = "notice_id", nullable = false, updatable = false)
    public UUID noticeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public EscalationStage stage;

    @Column(name = "escalated_at", nullable = false, updatable = false)
    public Instant escalatedAt;

    /** The units the notice was addressed to. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "unit_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] unitIds = new UUID[0];

    /** The admonition talk drafted ({@link EscalationStage#TALK}). */
    @Column(name = "talk_id")
    public UUID talkId;

    /** The cases opened ({@link EscalationStage#CASE}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "case_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] caseIds = new UUID[0];
}
