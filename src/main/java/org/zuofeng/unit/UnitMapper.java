package org.zuofeng.unit;

import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.zuofeng.common.time.Times;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Units between entity and wire; ids, status, path and attribution are the server's and never come from a client. */
@Mapper(uses = Times.class)
public interface UnitMapper {

    UnitView toView(Unit unit);

    /** Copies the write model onto a new or existing unit. */
    @BeanMapping(ignoreByDefault = true)
    @Mapping(target = "code", source = "code")
    @Mapping(target = "name", source = "name")
    @Mapping(target = "type", source = "type")
    @Mapping(target = "parentId", source = "parentId")
    void update(UnitWrite write, @MappingTarget Unit unit);

    default List<UUID> path(UUID[] path) {
        return path == null ? List.of() : List.copyOf(Arrays.asList(path));
    }
}
