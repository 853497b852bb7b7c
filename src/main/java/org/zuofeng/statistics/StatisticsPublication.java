package org.zuofeng.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.zuofeng.common.persistence.AuditedEntity;

import java.time.LocalDate;

/** The figures of a period as the commission published them: frozen, never recomputed, never changed. */
@Entity
@Table(name = "statistics_publications")
public class StatisticsPublication extends AuditedEntity {

    @Column(nullable = false, updatable = false, length = 200)
    public String title;

    @Column(name = "period_from", nullable = false, updatable = false)
    public LocalDate from;

    @Column(name = "period_to", nullable = false, updatable = false)
    public LocalDate to;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public StatisticsSummary figures;
}
