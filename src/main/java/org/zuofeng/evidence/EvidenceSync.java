package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changelog.ListedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Evidence records (not their bytes) as devices keep a copy of them: as {@link EvidenceService#synced} shows them to the caller. */
@ApplicationScoped
public class EvidenceSync extends ListedKind<EvidenceView> {

    private final EvidenceService service;
    private final EvidenceRepository repository;
    private final EvidenceHolders holders;

    EvidenceSync(EvidenceService service, EvidenceRepository repository, EvidenceHolders holders) {
        this.service = service;
        this.repository = repository;
        this.holders = holders;
    }

    @Override
    protected Names names() {
        return new Names("EVIDENCE", 4, EvidenceService.ENTITY_TYPE, "evidence", "/api/v1/evidence");
    }

    @Override
    protected Page<EvidenceView> list(Collection<UUID> ids, PageRequest page) {
        return service.synced(ids, page);
    }

    @Override
    protected UUID idOf(EvidenceView view) {
        return view.id();
    }

    @Override
    public Optional<UUID> heldBackBy(UUID id) {
        Evidence evidence = repository.findById(id);
        if (evidence == null) {
            return Optional.empty();
        }
        EvidenceService.Owner owner = EvidenceService.Owner.of(evidence);
        return holders.of(owner).heldBackBy(owner.id());
    }
}
