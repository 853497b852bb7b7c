package org.zuofeng.evidence;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.zuofeng.common.time.Times;

/** Evidence to the wire. */
@Mapper(uses = Times.class)
public interface EvidenceMapper {

    @Mapping(target = "uploadedAt", source = "createdAt")
    @Mapping(target = "uploadedBy", source = "createdBy")
    EvidenceView toView(Evidence evidence);
}
