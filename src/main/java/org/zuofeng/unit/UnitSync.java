package org.zuofeng.unit;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changelog.ListedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.UUID;

/** Units as devices keep a copy of them: as {@link UnitService#synced} shows them to the caller. */
@ApplicationScoped
public class UnitSync extends ListedKind<UnitView> {

    private final UnitService service;

    public UnitSync(UnitService service) {
        this.service = service;
    }

    @Override
    protected Names names() {
        return new Names("UNIT", 0, UnitService.ENTITY_TYPE, "unit", "/api/v1/units");
    }

    @Override
    protected Page<UnitView> list(Collection<UUID> ids, PageRequest page) {
        return service.synced(ids, page);
    }

    @Override
    protected UUID idOf(UnitView view) {
        return view.id();
    }
}
