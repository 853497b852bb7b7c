package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changes.ListedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.UUID;

/** Evidence records (not their bytes) as devices keep a copy of them: as {@link EvidenceService#synced} shows them to the caller. */
@ApplicationScoped
public class EvidenceSync extends ListedKind<EvidenceView> {

    private final EvidenceService service;

    public EvidenceSync(EvidenceService service) {
        this.service = service;
    }

    @Override
    public String entity() {
        return "EVIDENCE";
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    protected Page<EvidenceView> list(Collection<UUID> ids, PageRequest page) {
        return service.synced(ids, page);
    }

    @Override
    protected UUID idOf(EvidenceView view) {
        return view.id();
    }
}
