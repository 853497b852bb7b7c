package org.zuofeng.official;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changelog.ListedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.UUID;

/** Officials (masked as for the caller) as devices keep a copy of them: as {@link OfficialService#synced} shows them to the caller. */
@ApplicationScoped
public class OfficialSync extends ListedKind<OfficialView> {

    private final OfficialService service;

    public OfficialSync(OfficialService service) {
        this.service = service;
    }

    @Override
    protected Names names() {
        return new Names("OFFICIAL", 1, OfficialService.ENTITY_TYPE, "official", "/api/v1/officials");
    }

    @Override
    protected Page<OfficialView> list(Collection<UUID> ids, PageRequest page) {
        return service.synced(ids, page);
    }

    @Override
    protected UUID idOf(OfficialView view) {
        return view.id();
    }
}
