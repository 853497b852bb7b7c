package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.time.Times;
import org.zuofeng.official.HeldPost;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.UnitNames;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What is published: issued (or since closed or accepted) public notices, newest first; a withdrawn notice leaves
 * the list. Personal data and evidence never appear.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicExposureService {

    private static final Set<NoticeStatus> PUBLISHED = Set.of(NoticeStatus.ISSUED, NoticeStatus.RESPONDED,
            NoticeStatus.RETURNED, NoticeStatus.ACCEPTED, NoticeStatus.CLOSED);

    private static final Sorting<SupervisionNotice> SORTING = new Sorting<>("-issuedAt",
            SortField.of("id", "id", n -> n.id, UUID.class),
            SortField.of("issuedAt", "issuedAt", n -> n.issuedAt, Instant.class));

    private final KeysetPager pager;
    private final Units units;
    private final Officials officials;

    private final Clock clock;
    private final java.time.Period retention;

    public PublicExposureService(KeysetPager pager, Units units, Officials officials, Clock clock,
            NoticeConfig config) {
        this.pager = pager;
        this.units = units;
        this.officials = officials;
        this.clock = clock;
        this.retention = config.publicNotices().exposureRetention();
    }

    public Page<PublicExposureView> list(Integer year, String sort, PageRequest page) {
        // Published for a while only: older notices leave the public API (they stay in the record).
        Instant since = LocalDate.now(clock).minus(retention).atStartOfDay(Times.ZONE).toInstant();
        Filters filters = new Filters()
                .always("e.visibility = :public and e.status in :published and e.deletedAt is null"
                        + " and e.issuedAt >= :publicSince",
                        Map.of("public", Visibility.PUBLIC, "published", PUBLISHED, "publicSince", since))
                .when(year, "year", "e.serialYear = :year");
        Page<SupervisionNotice> found = pager.page(SupervisionNotice.class, filters, SORTING, sort, page);
        Published published = published(found.items());
        return found.map(published::view);
    }

    /**
     * What a page of notices shows, read in three queries whatever the page's size: the posts its people held
     * between the first and the last issue date, their names, and the names of every unit shown.
     */
    private Published published(List<SupervisionNotice> notices) {
        Set<UUID> people = new LinkedHashSet<>();
        notices.forEach(n -> people.addAll(concerned(n)));
        List<LocalDate> days = notices.stream().map(PublicExposureService::issuedOn).sorted().toList();
        List<HeldPost> held = days.isEmpty() ? List.of()
                : officials.postsHeldBetween(people, days.get(0), days.get(days.size() - 1));
        Set<UUID> shownUnits = new HashSet<>();
        notices.forEach(n -> shownUnits.addAll(n.addresseeUnitIds));
        held.forEach(p -> shownUnits.add(p.unitId()));
        return new Published(units.namesOverTime(shownUnits), officials.names(people), held);
    }

    /** The officials a notice names, then those it summoned, each once. */
    private static List<UUID> concerned(SupervisionNotice notice) {
        Set<UUID> concerned = new LinkedHashSet<>(notice.officialIds);
        notice.summoned.forEach(s -> concerned.add(s.officialId));
        return List.copyOf(concerned);
    }

    private static LocalDate issuedOn(SupervisionNotice notice) {
        return notice.issuedAt.atZone(Times.ZONE).toLocalDate();
    }

    /** The names of a page's units are those they had when each notice was issued. */
    private record Published(UnitNames unitNames, Map<UUID, String> names, List<HeldPost> held) {

        PublicExposureView view(SupervisionNotice notice) {
            LocalDate issuedOn = issuedOn(notice);
            List<PublicExposureView.Person> people = concerned(notice).stream()
                    .filter(names::containsKey)
                    .map(official -> new PublicExposureView.Person(names.get(official), held.stream()
                            .filter(p -> p.officialId().equals(official) && p.activeOn(issuedOn))
                            .map(p -> new PublicExposureView.PostName(unitNames.at(p.unitId(), notice.issuedAt),
                                    p.title()))
                            .toList()))
                    .toList();
            return new PublicExposureView(notice.id, NoticeView.SerialNumber.of(notice.serialYear,
                    notice.serialSequence), notice.type, notice.medium, notice.title, notice.body,
                    notice.addresseeUnitIds.stream()
                            .map(id -> new PublicExposureView.UnitName(id, unitNames.at(id, notice.issuedAt))).toList(),
                    issuedOn, people);
        }
    }
}
