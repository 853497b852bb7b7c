package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changelog.ListedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Findings as devices keep a copy of them: as {@link FindingService#synced} shows them to the caller. */
@ApplicationScoped
public class FindingSync extends ListedKind<FindingView> {

    private final FindingService service;
    private final Findings findings;

    public FindingSync(FindingService service, Findings findings) {
        this.service = service;
        this.findings = findings;
    }

    @Override
    protected Names names() {
        return new Names("FINDING", 3, FindingService.ENTITY_TYPE, "finding", "/api/v1/findings");
    }

    @Override
    protected Page<FindingView> list(Collection<UUID> ids, PageRequest page) {
        return service.synced(ids, page);
    }

    @Override
    protected UUID idOf(FindingView view) {
        return view.id();
    }

    @Override
    public Optional<UUID> heldBackBy(UUID id) {
        return findings.heldBackBy(id);
    }

    @Override
    public Map<UUID, UUID> heldBackBy(Collection<UUID> ids) {
        return findings.heldBackBy(ids);
    }
}
