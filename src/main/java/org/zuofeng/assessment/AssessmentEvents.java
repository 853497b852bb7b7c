package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changes.SyncedRecord;
import org.zuofeng.common.events.PublishedKind;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Yearly assessments on the event feed: as {@link AssessmentService#visibleAmong} shows them to the reader. */
@ApplicationScoped
public class AssessmentEvents implements PublishedKind {

    private final AssessmentService service;

    public AssessmentEvents(AssessmentService service) {
        this.service = service;
    }

    @Override
    public String entityType() {
        return AssessmentService.ENTITY_TYPE;
    }

    @Override
    public String eventName() {
        return "assessment";
    }

    @Override
    public String source() {
        return "/api/v1/assessments";
    }

    @Override
    public List<SyncedRecord> visible(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return service.visibleAmong(ids).stream().map(v -> new SyncedRecord(v.id(), v.version(), v)).toList();
    }
}
