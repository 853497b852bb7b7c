package org.zuofeng.assessment;

import org.zuofeng.common.concurrency.Versioned;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A scheme as the API shows it; {@code frozen} once something is assessed by it. */
public record SchemeView(
        UUID id,
        String name,
        int year,
        SubjectType subjectType,
        List<SchemeParts.Indicator> indicators,
        List<SchemeParts.GradeBand> gradeBands,
        BigDecimal excellentQuota,
        SchemeParts.VoteRule voteRule,
        boolean frozen,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {
}
