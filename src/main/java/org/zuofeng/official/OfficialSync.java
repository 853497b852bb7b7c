package org.zuofeng.official;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changes.ListedKind;
import org.zuofeng.common.events.PublishedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.UUID;

/** Officials (masked as for the caller) as devices keep a copy of them: as {@link OfficialService#synced} shows them to the caller. */
@ApplicationScoped
public class OfficialSync extends ListedKind<OfficialView> implements PublishedKind {

    private final OfficialService service;

    public OfficialSync(OfficialService service) {
        this.service = service;
    }

    @Override
    public String entity() {
        return "OFFICIAL";
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    protected Page<OfficialView> list(Collection<UUID> ids, PageRequest page) {
        return service.synced(ids, page);
    }

    @Override
    protected UUID idOf(OfficialView view) {
        return view.id();
    }

    @Override
    public String entityType() {
        return OfficialService.ENTITY_TYPE;
    }

    @Override
    public String eventName() {
        return "official";
    }

    @Override
    public String source() {
        return "/api/v1/officials";
    }
}
