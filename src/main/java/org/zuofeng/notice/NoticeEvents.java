package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.eventlog.ListedEvents;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Supervision notices on the event feed: as {@link NoticeService#visibleAmong} shows them to the reader. */
@ApplicationScoped
public class NoticeEvents extends ListedEvents<NoticeView> {

    private final NoticeService service;

    public NoticeEvents(NoticeService service) {
        this.service = service;
    }

    @Override
    protected Names names() {
        return new Names(NoticeService.ENTITY_TYPE, "notice", "/api/v1/supervision-notices");
    }

    @Override
    protected List<NoticeView> visibleAmong(Collection<UUID> ids) {
        return service.visibleAmong(ids);
    }

    @Override
    protected UUID idOf(NoticeView view) {
        return view.id();
    }
}
