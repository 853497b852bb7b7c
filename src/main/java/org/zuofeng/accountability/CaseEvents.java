package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.eventlog.ListedEvents;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Accountability cases on the event feed: as {@link CaseService#visibleAmong} shows them to the reader. */
@ApplicationScoped
public class CaseEvents extends ListedEvents<CaseView> {

    private final CaseService service;

    public CaseEvents(CaseService service) {
        this.service = service;
    }

    @Override
    protected Names names() {
        return new Names(CaseService.ENTITY_TYPE, "case", "/api/v1/accountability-cases");
    }

    @Override
    protected List<CaseView> visibleAmong(Collection<UUID> ids) {
        return service.visibleAmong(ids);
    }

    @Override
    protected UUID idOf(CaseView view) {
        return view.id();
    }
}
