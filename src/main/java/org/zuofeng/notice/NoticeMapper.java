package org.zuofeng.notice;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.zuofeng.common.time.Times;

import java.util.List;

/** Notices to the wire. */
@Mapper(uses = Times.class)
public interface NoticeMapper {

    @Mapping(target = "serialNumber",
            expression = "java(NoticeView.SerialNumber.of(notice.serialYear, notice.serialSequence))")
    @Mapping(target = "summonedOfficials", source = "notice.summoned")
    @Mapping(target = "overdue", source = "overdue")
    @Mapping(target = "responses", source = "responses")
    @Mapping(target = "documentNumber", source = "documentNumber")
    @Mapping(target = "addressees", source = "addressees")
    NoticeView toView(SupervisionNotice notice, List<PublicExposureView.UnitName> addressees, boolean overdue,
            List<NoticeView.ResponseView> responses, String documentNumber);

    NoticeView.SummonedOfficial toView(Summoned summoned);

    @Mapping(target = "respondedAt", source = "createdAt")
    @Mapping(target = "respondedBy", source = "createdBy")
    NoticeView.ResponseView toView(NoticeResponse response);
}
