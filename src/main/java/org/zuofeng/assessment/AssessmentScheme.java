package org.zuofeng.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.zuofeng.common.persistence.AuditedEntity;

import java.math.BigDecimal;
import java.util.List;

/** A year's quantified assessment scheme for one kind of subject; frozen once anything is assessed by it. */
@Entity
@Table(name = "assessment_schemes")
public class AssessmentScheme extends AuditedEntity {

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    public SubjectType subjectType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<SchemeParts.Indicator> indicators;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "grade_bands", nullable = false)
    public List<SchemeParts.GradeBand> gradeBands;

    @Column(name = "excellent_quota", nullable = false, precision = 5, scale = 4)
    public BigDecimal excellentQuota;

    @Column(name = "vote_numerator")
    public Integer voteNumerator;

    @Column(name = "vote_denominator")
    public Integer voteDenominator;

    public SchemeParts.VoteRule voteRule() {
        return voteNumerator == null ? null
                : new SchemeParts.VoteRule(new SchemeParts.Fraction(voteNumerator, voteDenominator));
    }
}
