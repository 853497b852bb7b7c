package org.zuofeng.finding;

import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.zuofeng.common.time.Times;
import org.zuofeng.evidence.EvidenceSummary;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Findings between entity and wire; the inspection, status and attribution are the server's. */
@Mapper(uses = Times.class)
public interface FindingMapper {

    @Mapping(target = "location", expression = "java(location(finding))")
    @Mapping(target = "unitName", source = "unitName")
    @Mapping(target = "evidence", source = "evidence")
    FindingView toView(Finding finding, String unitName, List<EvidenceSummary> evidence);

    @BeanMapping(ignoreByDefault = true)
    @Mapping(target = "unitId", source = "unitId")
    @Mapping(target = "officialIds", expression = "java(write.officials().toArray(UUID[]::new))")
    @Mapping(target = "category", source = "category")
    @Mapping(target = "defects", expression = "java(defectNames(write.defectSet()))")
    @Mapping(target = "severity", source = "severity")
    @Mapping(target = "title", source = "title")
    @Mapping(target = "description", source = "description")
    @Mapping(target = "observedAt", source = "observedAt")
    @Mapping(target = "latitude", source = "location.latitude")
    @Mapping(target = "longitude", source = "location.longitude")
    @Mapping(target = "address", source = "location.address")
    void update(FindingWrite write, @MappingTarget Finding finding);

    default FindingWrite.Location location(Finding finding) {
        return finding.latitude == null ? null
                : new FindingWrite.Location(finding.latitude, finding.longitude, finding.address);
    }

    default List<UUID> officialIds(UUID[] ids) {
        return List.of(ids);
    }

    /** Defects in their declared order (庸, 懒, 散). */
    default List<Defect> defects(String[] names) {
        return Defect.inOrder(names);
    }

    default String[] defectNames(Set<Defect> defects) {
        return defects.stream().sorted().map(Enum::name).toArray(String[]::new);
    }
}
