package org.zuofeng.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.paging.PageViews;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Inspections as the API shows them: with the count of their findings the caller may see. */
@ApplicationScoped
class InspectionViews implements PageViews<Inspection, InspectionView> {

    private final FindingCounts findingCounts;
    private final InspectionMapper mapper;

    InspectionViews(FindingCounts findingCounts, InspectionMapper mapper) {
        this.findingCounts = findingCounts;
        this.mapper = mapper;
    }

    @Override
    public List<InspectionView> of(List<Inspection> list) {
        Map<UUID, Long> counts = findingCounts.visibleOf(list.stream().map(i -> i.id).toList());
        return list.stream().map(i -> mapper.toView(i, counts.getOrDefault(i.id, 0L))).toList();
    }
}
