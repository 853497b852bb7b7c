package org.zuofeng.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.LocalDate;
import java.util.UUID;

/** A decision on a case. Never changed: a revising appeal supersedes it with a new one, and it stays in history. */
@Entity
@Table(name = "case_decisions")
public class CaseDecision extends AuditedEntity {

    /** The series of decisions' document numbers: 处 in 榕纪处〔2026〕3号. */
    static final String SERIES = "处";

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    /** {@link Measure} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false, columnDefinition = "varchar(32)[]")
    public String[] measures;

    @Column(name = "decided_on", nullable = false, updatable = false)
    public LocalDate decidedOn;

    @Column(nullable = false, updatable = false, length = 10_000)
    public String basis;

    @Column(name = "disciplinary_sanction", nullable = false, updatable = false)
    public boolean disciplinarySanction;

    /** Decisions are numbered per year of decision, without gaps ({@link org.zuofeng.common.persistence.SerialCounters}). */
    @Column(name = "serial_year", nullable = false, updatable = false)
    public Integer serialYear;

    @Column(name = "serial_sequence", nullable = false, updatable = false)
    public Integer serialSequence;

    @Column(name = "superseded_by")
    public UUID supersededBy;
}
