package org.zuofeng.common.audit;

import org.mapstruct.Mapper;
import org.zuofeng.common.time.Times;

import java.util.List;
import java.util.UUID;

/** Audit events to the wire. */
@Mapper(uses = Times.class)
public interface AuditEventMapper {

    AuditEventView toView(AuditEvent event);

    default List<UUID> ids(UUID[] ids) {
        return ids == null ? null : List.of(ids);
    }
}
