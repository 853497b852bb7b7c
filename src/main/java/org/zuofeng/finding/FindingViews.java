package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.paging.PageViews;
import org.zuofeng.evidence.EvidenceCatalog;
import org.zuofeng.evidence.EvidenceSummary;
import org.zuofeng.unit.UnitNames;
import org.zuofeng.unit.Units;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Findings as the API shows them: with their unit named as it was when observed, and their active evidence. */
@ApplicationScoped
class FindingViews implements PageViews<Finding, FindingView> {

    private final EvidenceCatalog evidence;
    private final Units units;
    private final FindingMapper mapper;

    FindingViews(EvidenceCatalog evidence, Units units, FindingMapper mapper) {
        this.evidence = evidence;
        this.units = units;
        this.mapper = mapper;
    }

    @Override
    public List<FindingView> of(List<Finding> list) {
        Map<UUID, List<EvidenceSummary>> held = evidence.activeOfFindings(list.stream().map(f -> f.id).toList());
        UnitNames unitNames = units.namesOverTime(list.stream().map(f -> f.unitId).toList());
        return list.stream().map(f -> mapper.toView(f, unitNames.at(f.unitId, f.observedAt),
                held.getOrDefault(f.id, List.of()))).toList();
    }
}
