package org.zuofeng.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changelog.ListedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Inspections as devices keep a copy of them: as {@link InspectionService#synced} shows them to the caller. */
@ApplicationScoped
public class InspectionSync extends ListedKind<InspectionView> {

    private final InspectionService service;
    private final Inspections inspections;

    public InspectionSync(InspectionService service, Inspections inspections) {
        this.service = service;
        this.inspections = inspections;
    }

    @Override
    protected Names names() {
        return new Names("INSPECTION", 2, InspectionService.ENTITY_TYPE, "inspection", "/api/v1/inspections");
    }

    @Override
    protected Page<InspectionView> list(Collection<UUID> ids, PageRequest page) {
        return service.synced(ids, page);
    }

    @Override
    protected UUID idOf(InspectionView view) {
        return view.id();
    }

    @Override
    public Optional<UUID> heldBackBy(UUID id) {
        return inspections.heldBack(id);
    }
}
