package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.paging.PageViews;
import org.zuofeng.documents.DocumentNumbers;
import org.zuofeng.unit.UnitNames;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Notices as the API shows them: with their addressees named as they were on the issue date (now, for a draft),
 * whether they are overdue today, and the units' responses.
 */
@ApplicationScoped
class NoticeViews implements PageViews<SupervisionNotice, NoticeView> {

    private final NoticeRepository notices;
    private final NoticeMapper mapper;
    private final DocumentNumbers numbers;
    private final Units units;
    private final Clock clock;

    NoticeViews(NoticeRepository notices, NoticeMapper mapper, DocumentNumbers numbers, Units units, Clock clock) {
        this.notices = notices;
        this.mapper = mapper;
        this.numbers = numbers;
        this.units = units;
        this.clock = clock;
    }

    /** The views of a page of notices, their responses read in one query. */
    @Override
    public List<NoticeView> of(List<SupervisionNotice> list) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, List<NoticeResponse>> responses = notices.responsesOf(list.stream().map(n -> n.id).toList());
        UnitNames names = units.namesOverTime(list.stream().flatMap(n -> n.addresseeUnitIds.stream()).toList());
        return list.stream().map(n -> mapper.toView(n, n.addresseeUnitIds.stream()
                        .map(id -> new PublicExposureView.UnitName(id, names.at(id, n.issuedAt))).toList(),
                n.overdueOn(today), responses.getOrDefault(n.id, List.of()).stream().map(mapper::toView).toList(),
                documentNumber(n))).toList();
    }

    /** Whether a correction changed nothing the view shows. */
    boolean unchanged(SupervisionNotice notice, NoticeView before) {
        return mapper.toView(notice, before.addressees(), before.overdue(), before.responses(),
                documentNumber(notice)).equals(before);
    }

    /** The number its formal document carries, e.g. 榕纪通〔2026〕3号; null for a draft. */
    String documentNumber(SupervisionNotice notice) {
        return numbers.of(notice.type.series(), notice.serialYear, notice.serialSequence);
    }

    /** The notice's number when it has one (e.g. 2026年第3期), else its id: for notes in other records' history. */
    static String label(SupervisionNotice notice) {
        NoticeView.SerialNumber serial = NoticeView.SerialNumber.of(notice.serialYear, notice.serialSequence);
        return serial == null ? notice.id.toString() : serial.label();
    }
}
