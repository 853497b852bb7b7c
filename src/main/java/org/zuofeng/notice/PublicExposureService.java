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
import org.zuofeng.official.Official;
import org.zuofeng.official.OfficialRepository;
import org.zuofeng.official.Post;
import org.zuofeng.official.PostRepository;
import org.zuofeng.unit.UnitRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
    private final UnitRepository units;
    private final OfficialRepository officials;
    private final PostRepository posts;

    public PublicExposureService(KeysetPager pager, UnitRepository units, OfficialRepository officials,
            PostRepository posts) {
        this.pager = pager;
        this.units = units;
        this.officials = officials;
        this.posts = posts;
    }

    public Page<PublicExposureView> list(Integer year, String sort, PageRequest page) {
        Filters filters = new Filters()
                .always("e.visibility = :public and e.status in :published and e.deletedAt is null",
                        Map.of("public", Visibility.PUBLIC, "published", PUBLISHED))
                .when(year, "year", "e.serialYear = :year");
        return pager.page(SupervisionNotice.class, filters, SORTING, sort, page).map(this::view);
    }

    private PublicExposureView view(SupervisionNotice notice) {
        LocalDate issuedOn = notice.issuedAt.atZone(Times.ZONE).toLocalDate();
        Map<UUID, String> unitNames = units.namesOf(notice.addresseeUnitIds);
        List<PublicExposureView.Person> people = new ArrayList<>();
        List<UUID> concerned = new ArrayList<>(notice.officialIds);
        notice.summoned.stream().map(s -> s.officialId).filter(id -> !concerned.contains(id)).forEach(concerned::add);
        if (!concerned.isEmpty()) {
            Map<UUID, List<Post>> held = posts.heldOn(concerned, issuedOn).stream()
                    .collect(Collectors.groupingBy(p -> p.officialId));
            Map<UUID, String> postUnits = units.namesOf(held.values().stream().flatMap(List::stream)
                    .map(p -> p.unitId).collect(Collectors.toSet()));
            for (Official official : officials.list("id in ?1", concerned)) {
                people.add(new PublicExposureView.Person(official.name, held.getOrDefault(official.id, List.of())
                        .stream().map(p -> new PublicExposureView.PostName(postUnits.get(p.unitId), p.title))
                        .toList()));
            }
        }
        return new PublicExposureView(notice.id, NoticeView.SerialNumber.of(notice.serialYear,
                notice.serialSequence), notice.type, notice.title, notice.body,
                notice.addresseeUnitIds.stream().map(id -> new PublicExposureView.UnitName(id, unitNames.get(id)))
                        .toList(), issuedOn, people);
    }
}
