package org.zuofeng.unit;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changes.ListedKind;
import org.zuofeng.common.events.PublishedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.UUID;

/** Units as devices keep a copy of them: as {@link UnitService#synced} shows them to the caller. */
@ApplicationScoped
public class UnitSync extends ListedKind<UnitView> implements PublishedKind {

    private final UnitService service;

    public UnitSync(UnitService service) {
        this.service = service;
    }

    @Override
    public String entity() {
        return "UNIT";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    protected Page<UnitView> list(Collection<UUID> ids, PageRequest page) {
        return service.synced(ids, page);
    }

    @Override
    protected UUID idOf(UnitView view) {
        return view.id();
    }

    @Override
    public String entityType() {
        return UnitService.ENTITY_TYPE;
    }

    @Override
    public String eventName() {
        return "unit";
    }

    @Override
    public String source() {
        return "/api/v1/units";
    }
}
