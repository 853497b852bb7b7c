package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.paging.PageViews;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.UnitNames;
import org.zuofeng.unit.Units;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Assessments as the API shows them, a page at a time: with the subject's and unit's names and the objections. */
@ApplicationScoped
class AssessmentViews implements PageViews<Assessment, AssessmentView> {

    private final AssessmentRepository assessments;
    private final AssessmentMapper mapper;
    private final Units units;
    private final Officials officials;

    AssessmentViews(AssessmentRepository assessments, AssessmentMapper mapper, Units units, Officials officials) {
        this.assessments = assessments;
        this.mapper = mapper;
        this.units = units;
        this.officials = officials;
    }

    @Override
    public List<AssessmentView> of(List<Assessment> list) {
        Map<UUID, List<Objection>> objections = assessments.objectionsOf(list.stream().map(a -> a.id).toList());
        UnitNames unitNames = units.namesOverTime(list.stream().map(a -> a.unitId).collect(Collectors.toSet()));
        Set<UUID> officialIds = list.stream().map(a -> a.officialId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, String> names = officials.names(officialIds);
        return list.stream().map(a -> mapper.toView(a,
                a.officialId == null ? unitNames.on(a.unitId, a.yearEnd()) : names.get(a.officialId),
                unitNames.on(a.unitId, a.yearEnd()),
                objections.getOrDefault(a.id, List.of()).stream().map(mapper::toView).toList())).toList();
    }
}
