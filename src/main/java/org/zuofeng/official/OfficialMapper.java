package org.zuofeng.official;

import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.zuofeng.common.time.Times;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Officials and posts between entity and wire; ids, versions and attribution are the server's. */
@Mapper(uses = Times.class)
public interface OfficialMapper {

    @Mapping(target = "currentPosts", source = "currentPosts")
    @Mapping(target = "birthYearMonth", expression = "java(java.time.YearMonth.from(official.birthDate))")
    OfficialView toView(Official official, List<PostSummary> currentPosts);

    @BeanMapping(ignoreByDefault = true)
    @Mapping(target = "name", source = "name")
    @Mapping(target = "gender", source = "gender")
    @Mapping(target = "birthDate", source = "birthDate")
    @Mapping(target = "idNumber", source = "idNumber")
    @Mapping(target = "phone", source = "phone")
    @Mapping(target = "partyMember", source = "partyMember")
    @Mapping(target = "accountSubject", source = "accountSubject")
    void update(OfficialWrite write, @MappingTarget Official official);

    /** The write model a record currently stands for, to tell whether a write changes anything. */
    OfficialWrite toWrite(Official official);

    @Mapping(target = "unitName", expression = "java(unitNames.get(post.unitId))")
    PostSummary toSummary(Post post, @org.mapstruct.Context Map<UUID, String> unitNames);

    @Mapping(target = "unitName", source = "unitName")
    @Mapping(target = "active", source = "active")
    PostView toView(Post post, String unitName, boolean active);

    @BeanMapping(ignoreByDefault = true)
    @Mapping(target = "unitId", source = "unitId")
    @Mapping(target = "title", source = "title")
    @Mapping(target = "role", source = "role")
    @Mapping(target = "responsibility", source = "responsibility")
    @Mapping(target = "startDate", source = "startDate")
    @Mapping(target = "endDate", source = "endDate")
    void update(PostWrite write, @MappingTarget Post post);
}
