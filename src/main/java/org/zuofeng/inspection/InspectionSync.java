package org.zuofeng.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changes.ListedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.UUID;

/** Inspections as devices keep a copy of them: as {@link InspectionService#synced} shows them to the caller. */
@ApplicationScoped
public class InspectionSync extends ListedKind<InspectionView> {

    private final InspectionService service;

    public InspectionSync(InspectionService service) {
        this.service = service;
    }

    @Override
    public String entity() {
        return "INSPECTION";
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    protected Page<InspectionView> list(Collection<UUID> ids, PageRequest page) {
        return service.synced(ids, page);
    }

    @Override
    protected UUID idOf(InspectionView view) {
        return view.id();
    }
}
