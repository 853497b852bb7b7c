package org.zuofeng.inspection;

import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.zuofeng.common.time.Times;

/** Inspections between entity and wire; status, times, summary and attribution are the server's. */
@Mapper(uses = Times.class)
public interface InspectionMapper {

    @Mapping(target = "findingCount", source = "findingCount")
    InspectionView toView(Inspection inspection, long findingCount);

    InspectionWrite.Member toMember(TeamMember member);

    TeamMember toEntity(InspectionWrite.Member member);

    /** Copies the write model (not the id, which is fixed at creation). */
    @BeanMapping(ignoreByDefault = true)
    @Mapping(target = "type", source = "type")
    @Mapping(target = "title", source = "title")
    @Mapping(target = "description", source = "description")
    @Mapping(target = "topic", source = "topic")
    @Mapping(target = "plannedStart", source = "plannedStart")
    @Mapping(target = "plannedEnd", source = "plannedEnd")
    void update(InspectionWrite write, @MappingTarget Inspection inspection);
}
