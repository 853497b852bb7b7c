package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changes.ListedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.UUID;

/** Findings as devices keep a copy of them: as {@link FindingService#synced} shows them to the caller. */
@ApplicationScoped
public class FindingSync extends ListedKind<FindingView> {

    private final FindingService service;

    public FindingSync(FindingService service) {
        this.service = service;
    }

    @Override
    public String entity() {
        return "FINDING";
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    protected Page<FindingView> list(Collection<UUID> ids, PageRequest page) {
        return service.synced(ids, page);
    }

    @Override
    protected UUID idOf(FindingView view) {
        return view.id();
    }
}
