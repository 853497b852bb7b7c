package org.zuofeng.finding;

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
import org.zuofeng.inspection.Inspections;
import org.zuofeng.support.AllPages;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings read as projections ({@link FindingReads}: one statement, no entity) are what the entity path
 * ({@link FindingViews}, and {@link Inspections#secretAmong} for the covert reads on record) makes of the same rows,
 * for every role and scope: the lists page by page, in two sorts, and every single read, with evidence, locations,
 * officials and defects, open and covert inspections, under way and completed.
 */
@QuarkusTest
class FindingReadsParityTest {

    private static final Sorting<Finding> ENTITY_SORTING = new Sorting<>("-observedAt",
            SortField.of("id", "id", f -> f.id, UUID.class),
            SortField.of("observedAt", "observedAt", f -> f.observedAt, Instant.class),
            SortField.of("updatedAt", "updatedAt", f -> f.updatedAt, Instant.class));
    private static final Sorting<FindingReads.Read> READ_SORTING = new Sorting<>("-observedAt",
            SortField.of("id", "id", r -> r.view().id(), UUID.class),
            SortField.of("observedAt", "observedAt", r -> Times.fromWire(r.view().observedAt()), Instant.class),
            SortField.of("updatedAt", "updatedAt", r -> Times.fromWire(r.view().updatedAt()), Instant.class));

    @Inject
    RunAs runAs;
    @Inject
    KeysetPager pager;
    @Inject
    CallerScope scope;
    @Inject
    FindingReads reads;
    @Inject
    FindingViews views;
    @Inject
    Inspections inspections;
    @Inject
    EntityManager em;

    private final String lead = Fixtures.uniqueCode("parity-lead");
    private final String officer = Fixtures.uniqueCode("parity-officer");

    @BeforeEach
    void inspections() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath street = Fixtures.aUnit().under(district).type("SUBDISTRICT").create();
        JsonPath village = Fixtures.aUnit().under(street).type("VILLAGE_COMMITTEE").create();
        JsonPath bureau = Fixtures.aUnit().under(district).create();
        JsonPath cadre = Fixtures.anOfficial().create();
        Fixtures.aPost(cadre, village).role("PRINCIPAL", "村委会主任").create();
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), street).role("STAFF", "街道干部").create();

        JsonPath open = Fixtures.anInspection("OPEN", street, village, bureau).lead(lead).started();
        JsonPath located = Fixtures.aFinding(open, village).with("officialIds", List.of(cadre.getString("id")))
                .with("defects", List.of("LAXITY", "LAZINESS"))
                .with("location", Map.of("latitude", 26.074508, "longitude", 119.296494, "address", "村委会大门"))
                .createAs(lead);
        for (String capturedAt : List.of("2026-11-20T10:15:00+08:00", "2026-11-20T02:16:00Z")) {
            Api.uploadAs(lead, "image/jpeg", Media.jpeg(4_000 + capturedAt.length()), "inspector")
                    .header("X-Captured-At", capturedAt).header("X-File-Name", "photo.jpg")
                    .post("/api/v1/findings/" + located.getString("id") + "/evidence").then().statusCode(201);
        }
        Fixtures.aFinding(open, bureau).createAs(lead);
        Fixtures.completed(lead, open);

        JsonPath covert = Fixtures.anInspection("COVERT", street, village).lead(lead).started();
        Fixtures.aFinding(covert, village).with("severity", "SERIOUS").createAs(lead);
        Fixtures.aFinding(covert, street).createAs(lead);
    }

    @Test
    void everyRoleReadsTheSameFindingsThroughBothPaths() {
        Map<String, Set<String>> callers = new HashMap<>(Map.of("parity-admin", Set.of("admin"),
                "parity-commission", Set.of("commission"), "parity-auditor", Set.of("auditor"),
                "parity-hr", Set.of("hr"), "parity-integration", Set.of("integration"),
                "parity-inspector", Set.of("inspector")));
        callers.put(lead, Set.of("inspector"));
        callers.put(officer, Set.of("unit-officer"));
        callers.forEach((subject, roles) -> runAs.call(subject, roles, () -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    for (String sort : List.of("-observedAt", "updatedAt")) {
                        List<FindingReads.Read> projected = all(sort, true);
                        assertEquals(all(sort, false), projected, subject + " sorted by " + sort);
                        for (FindingReads.Read one : projected.subList(0, Math.min(projected.size(), 40))) {
                            assertEquals(entity(List.of(em.find(Finding.class, one.view().id()))).get(0),
                                    reads.one(one.view().id()).orElseThrow(), subject + " reading " + one);
                        }
                    }
                    return null;
                })));
        runAs.call(lead, Set.of("inspector"), () -> QuarkusTransaction.requiringNew().call(() -> {
            List<FindingReads.Read> own = all("-observedAt", true);
            assertTrue(own.stream().anyMatch(FindingReads.Read::secret), "the lead reads the covert findings");
            assertTrue(own.stream().anyMatch(r -> r.view().evidence().size() == 2), "with their evidence");
            return null;
        }));
    }

    /** Up to 600 findings the caller may see, 97 a page, read through the projection or as entities. */
    private List<FindingReads.Read> all(String sort, boolean projected) {
        return AllPages.read(cursor -> {
            Filters filters = new Filters().restrictTo(scope.readable(FindingAccess.FINDINGS));
            PageRequest request = new PageRequest(97, cursor, false);
            Page<FindingReads.Read> page;
            if (projected) {
                page = pager.page(Finding.class, filters, READ_SORTING, sort, request, reads.projection());
            } else {
                Page<Finding> entities = pager.page(Finding.class, filters, ENTITY_SORTING, sort, request);
                page = new Page<>(entity(entities.items()), entities.next(), null);
            }
            em.clear();
            return page;
        }, 600);
    }

    private List<FindingReads.Read> entity(List<Finding> findings) {
        Set<UUID> secret = inspections.secretAmong(findings.stream().map(f -> f.inspectionId)
                .collect(Collectors.toSet()));
        List<FindingView> shown = views.of(findings);
        List<FindingReads.Read> read = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            read.add(new FindingReads.Read(shown.get(i), secret.contains(findings.get(i).inspectionId)));
        }
        return read;
    }
}
