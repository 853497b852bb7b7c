package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changes.SyncedRecord;
import org.zuofeng.common.events.PublishedKind;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Accountability cases on the event feed: as {@link CaseService#visibleAmong} shows them to the reader. */
@ApplicationScoped
public class CaseEvents implements PublishedKind {

    private final CaseService service;

    public CaseEvents(CaseService service) {
        this.service = service;
    }

    @Override
    public String entityType() {
        return CaseService.ENTITY_TYPE;
    }

    @Override
    public String eventName() {
        return "case";
    }

    @Override
    public String source() {
        return "/api/v1/accountability-cases";
    }

    @Override
    public List<SyncedRecord> visible(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return service.visibleAmong(ids).stream().map(v -> new SyncedRecord(v.id(), v.version(), v)).toList();
    }
}
