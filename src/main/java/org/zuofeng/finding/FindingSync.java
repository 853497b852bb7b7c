package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changes.ListedKind;
import org.zuofeng.common.events.PublishedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Findings as devices keep a copy of them: as {@link FindingService#synced} shows them to the caller. */
@ApplicationScoped
public class FindingSync extends ListedKind<FindingView> implements PublishedKind {

    private final FindingService service;
    private final Findings findings;

    public FindingSync(FindingService service, Findings findings) {
        this.service = service;
        this.findings = findings;
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

    @Override
    public String entityType() {
        return FindingService.ENTITY_TYPE;
    }

    @Override
    public String eventName() {
        return "finding";
    }

    @Override
    public String source() {
        return "/api/v1/findings";
    }

    @Override
    public Optional<UUID> heldBackBy(UUID id) {
        return findings.heldBackBy(id);
    }
}
