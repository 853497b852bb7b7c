package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changes.SyncedRecord;
import org.zuofeng.common.events.PublishedKind;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Supervision notices on the event feed: as {@link NoticeService#visibleAmong} shows them to the reader. */
@ApplicationScoped
public class NoticeEvents implements PublishedKind {

    private final NoticeService service;

    public NoticeEvents(NoticeService service) {
        this.service = service;
    }

    @Override
    public String entityType() {
        return NoticeService.ENTITY_TYPE;
    }

    @Override
    public String eventName() {
        return "notice";
    }

    @Override
    public String source() {
        return "/api/v1/supervision-notices";
    }

    @Override
    public List<SyncedRecord> visible(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return service.visibleAmong(ids).stream().map(v -> new SyncedRecord(v.id(), v.version(), v)).toList();
    }
}
