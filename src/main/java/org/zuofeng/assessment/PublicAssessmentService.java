package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.official.HeldPost;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.UnitNames;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the public sees of assessments: those in public notice, and final results. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicAssessmentService {

    private static final Sorting<Assessment> SORTING = new Sorting<>("-updatedAt",
            SortField.of("id", "id", a -> a.id, UUID.class),
            SortField.of("updatedAt", "updatedAt", a -> a.updatedAt, Instant.class));

    private final KeysetPager pager;
    private final SchemeRepository schemes;
    private final Officials officials;
    private final Units units;

    private final Clock clock;
    private final java.time.Period retention;

    public PublicAssessmentService(KeysetPager pager, SchemeRepository schemes, Officials officials, Units units,
            Clock clock, AssessmentConfig config) {
        this.pager = pager;
        this.schemes = schemes;
        this.officials = officials;
        this.units = units;
        this.clock = clock;
        this.retention = config.publicResults().resultRetention();
    }

    /** Assessments now in public notice, with their grade, total and notice window. */
    public Page<PublicAssessmentView> notices(Integer year, String sort, PageRequest page) {
        return published(AssessmentStatus.PUBLIC_NOTICE, year, sort, page, true);
    }

    /** Final results: name, unit, post, grade and year. */
    public Page<PublicAssessmentView> results(Integer year, String sort, PageRequest page) {
        return published(AssessmentStatus.FINAL, year, sort, page, false);
    }

    private Page<PublicAssessmentView> published(AssessmentStatus status, Integer year, String sort,
            PageRequest page, boolean inNotice) {
        // Results of years long past leave the public API (they stay in the record).
        Filters filters = new Filters()
                .always("e.status = :status and e.year >= :publicSinceYear", Map.of("status", status,
                        "publicSinceYear", LocalDate.now(clock).minus(retention).getYear()))
                .when(year, "year", "e.year = :year");
        Page<Assessment> found = pager.page(Assessment.class, filters, SORTING, sort, page);
        List<Assessment> items = found.items();
        Map<UUID, String> schemeNames = items.isEmpty() ? Map.of() : schemes.list("id in ?1",
                items.stream().map(a -> a.schemeId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(s -> s.id, s -> s.name));
        UnitNames unitNames = units.namesOverTime(items.stream().map(a -> a.unitId).collect(Collectors.toSet()));
        Set<UUID> officialIds = items.stream().map(a -> a.officialId).filter(o -> o != null)
                .collect(Collectors.toSet());
        Map<UUID, String> names = officials.names(officialIds);
        Map<UUID, List<HeldPost>> postsOf = officials.postsOf(officialIds).stream()
                .collect(Collectors.groupingBy(HeldPost::officialId));
        return new Page<>(items.stream().map(a -> {
            String unitName = unitNames.on(a.unitId, a.yearEnd());
            String postTitle = a.officialId == null ? null : postsOf.getOrDefault(a.officialId, List.of()).stream()
                    .filter(p -> p.unitId().equals(a.unitId)).reduce((earlier, later) -> later)
                    .map(HeldPost::title).orElse(null);
            return new PublicAssessmentView(a.id, a.year, a.subjectType, schemeNames.get(a.schemeId),
                    a.officialId == null ? unitName : names.get(a.officialId), unitName, postTitle, a.grade,
                    inNotice ? a.totalScore : null, inNotice ? a.noticeStart : null, inNotice ? a.noticeEnd : null);
        }).toList(), found.next(), found.totalCount());
    }
}
