package org.zuofeng.official;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.RunAs;
import org.zuofeng.common.time.Times;
import org.zuofeng.support.AllPages;
import org.zuofeng.support.Fixtures;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Officials read as projections ({@link OfficialReads}: one statement, no entity) are what the entity path
 * ({@link OfficialViews}) makes of the same rows, for every role and scope: the lists page by page, in two sorts,
 * and every single read, with external ids, posts held today, ended and future posts, and posts outside a unit
 * officer's scope.
 */
@QuarkusTest
class OfficialReadsParityTest {

    private static final Map<String, Set<String>> CALLERS = Map.of(
            "parity-admin", Set.of("admin"), "parity-inspector", Set.of("inspector"), "parity-hr", Set.of("hr"),
            "parity-commission", Set.of("commission"), "parity-auditor", Set.of("auditor"),
            "parity-integration", Set.of("integration"));

    private static final Sorting<Official> ENTITY_SORTING = new Sorting<>("name",
            SortField.of("id", "id", o -> o.id, UUID.class),
            SortField.of("name", "name", o -> o.name, String.class),
            SortField.of("updatedAt", "updatedAt", o -> o.updatedAt, Instant.class));
    private static final Sorting<OfficialView> VIEW_SORTING = new Sorting<>("name",
            SortField.of("id", "id", OfficialView::id, UUID.class),
            SortField.of("name", "name", OfficialView::name, String.class),
            SortField.of("updatedAt", "updatedAt", v -> Times.fromWire(v.updatedAt()), Instant.class));

    @Inject
    RunAs runAs;
    @Inject
    KeysetPager pager;
    @Inject
    CallerScope scope;
    @Inject
    OfficialReads reads;
    @Inject
    OfficialViews views;
    @Inject
    EntityManager em;

    private final String officer = Fixtures.uniqueCode("parity-officer");

    @BeforeEach
    void district() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath bureau = Fixtures.aUnit().under(district).create();
        JsonPath both = Fixtures.anOfficial().with("externalIds", Map.of("personnel", Fixtures.uniqueCode("P"),
                "hr-system", Fixtures.uniqueCode("H"))).create();
        Fixtures.aPost(both, street).role("PRINCIPAL", "街道党工委书记").create();
        Fixtures.aPost(both, bureau).role("DEPUTY_IN_CHARGE", "副局长").responsibility("安全生产").create();
        JsonPath formerly = Fixtures.anOfficial().create();
        Fixtures.aPost(formerly, street).from(Fixtures.today().minusYears(3)).to(Fixtures.today().minusDays(1))
                .create();
        Fixtures.aPost(formerly, bureau).from(Fixtures.today().plusDays(10)).create();
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), street)
                .role("STAFF", "街道办事处干部").create();
        Fixtures.anOfficial().create();
    }

    @Test
    void everyRoleReadsTheSameOfficialsThroughBothPaths() {
        Map<String, Set<String>> callers = new java.util.HashMap<>(CALLERS);
        callers.put(officer, Set.of("unit-officer"));
        callers.forEach((subject, roles) -> runAs.call(subject, roles, () -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    for (String sort : List.of("name", "-updatedAt")) {
                        List<OfficialView> projected = all(sort, true);
                        assertEquals(all(sort, false), projected, subject + " sorted by " + sort);
                        assertFalse(projected.isEmpty(), subject);
                        for (OfficialView one : projected.subList(0, Math.min(projected.size(), 40))) {
                            assertEquals(views.of(List.of(em.find(Official.class, one.id()))).get(0),
                                    reads.one(one.id()).orElseThrow(), subject + " reading " + one.id());
                        }
                    }
                    return null;
                })));
    }

    /** Up to 600 officials the caller may see, 97 a page, read through the projection or as entities. */
    private List<OfficialView> all(String sort, boolean projected) {
        return AllPages.read(cursor -> {
            Filters filters = new Filters().restrictTo(scope.readable(OfficialAccess.OFFICIALS));
            PageRequest request = new PageRequest(97, cursor, false);
            Page<OfficialView> page = projected
                    ? pager.page(Official.class, filters, VIEW_SORTING, sort, request, reads.projection())
                    : entities(pager.page(Official.class, filters, ENTITY_SORTING, sort, request));
            em.clear();
            return page;
        }, 600);
    }

    private Page<OfficialView> entities(Page<Official> page) {
        return new Page<>(views.of(page.items()), page.next(), page.totalCount());
    }
}
