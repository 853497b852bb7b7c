package org.zuofeng.warning;

import org.zuofeng.common.concurrency.Versioned;
import org.zuofeng.common.time.Times;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A typical case as the commission sees it, with the case it comes from and who drafted and approved it. */
public record TypicalCaseView(UUID id, UUID caseId, String title, String narrative, String violation, String measure,
        String lesson, TypicalCaseStatus status, OffsetDateTime publishedAt, String approvedBy, long version,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) implements Versioned {

    static TypicalCaseView of(TypicalCase t) {
        return new TypicalCaseView(t.id, t.caseId, t.title, t.narrative, t.violation, t.measure, t.lesson, t.status,
                Times.toWire(t.publishedAt), t.approvedBy, t.version, Times.toWire(t.createdAt), t.createdBy,
                Times.toWire(t.updatedAt), t.updatedBy);
    }
}
