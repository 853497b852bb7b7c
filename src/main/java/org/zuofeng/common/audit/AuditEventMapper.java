package org.zuofeng.common.audit;

import org.mapstruct.Mapper;
import org.zuofeng.common.time.Times;

/** Audit events to the wire. */
@Mapper(uses = Times.class)
public interface AuditEventMapper {

    AuditEventView toView(AuditEvent event);
}
