package org.zuofeng.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.LocalDate;
import java.util.UUID;

/** A unit's rectification report (整改报告) answering a rectification notice. */
@Entity
@Table(name = "notice_responses")
public class NoticeResponse extends AuditedEntity {

    @Column(name = "notice_id", nullable = false, updatable = false)
    public UUID noticeId;

    @Column(nullable = false, length = 10_000)
    public String measures;

    @Column(name = "completed_on", nullable = false)
    public LocalDate completedOn;
}
