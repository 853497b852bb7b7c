package org.zuofeng.clue;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.eventlog.ListedEvents;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Clues on the event feed: only their announcements of a deadline passed ({@code org.zuofeng.clue.overdue}), and only
 * to readers who may read the clue ({@link ClueAccess}), as its single read shows it. Nothing else of the register is
 * published, so no change to a clue reaches a feed or a webhook of anyone outside the commission.
 */
@ApplicationScoped
public class ClueEvents extends ListedEvents<ClueView> {

    private final ClueService service;

    public ClueEvents(ClueService service) {
        this.service = service;
    }

    @Override
    protected Names names() {
        return new Names(ClueService.ENTITY_TYPE, "clue", "/api/v1/clues");
    }

    @Override
    public boolean publishes(String action) {
        return OverdueClues.ACTION.equals(action);
    }

    @Override
    protected List<ClueView> visibleAmong(Collection<UUID> ids) {
        return service.visibleAmong(ids);
    }

    @Override
    protected UUID idOf(ClueView view) {
        return view.id();
    }
}
