package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.paging.PageViews;
import org.zuofeng.evidence.EvidenceCatalog;
import org.zuofeng.evidence.EvidenceSummary;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Findings as the API shows them: with their active evidence. */
@ApplicationScoped
class FindingViews implements PageViews<Finding, FindingView> {

    private final EvidenceCatalog evidence;
    private final FindingMapper mapper;

    FindingViews(EvidenceCatalog evidence, FindingMapper mapper) {
        this.evidence = evidence;
        this.mapper = mapper;
    }

    @Override
    public List<FindingView> of(List<Finding> list) {
        Map<UUID, List<EvidenceSummary>> held = evidence.activeOfFindings(list.stream().map(f -> f.id).toList());
        return list.stream().map(f -> mapper.toView(f, held.getOrDefault(f.id, List.of()))).toList();
    }
}
