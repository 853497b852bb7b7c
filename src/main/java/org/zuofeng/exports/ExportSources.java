package org.zuofeng.exports;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.accountability.CaseKind;
import org.zuofeng.accountability.CaseService;
import org.zuofeng.accountability.CaseStatus;
import org.zuofeng.accountability.Measure;
import org.zuofeng.assessment.AssessmentService;
import org.zuofeng.assessment.AssessmentStatus;
import org.zuofeng.assessment.Grade;
import org.zuofeng.assessment.SubjectType;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.Permission;
import org.zuofeng.finding.Defect;
import org.zuofeng.finding.FindingCategory;
import org.zuofeng.finding.FindingService;
import org.zuofeng.finding.FindingStatus;
import org.zuofeng.finding.Severity;
import org.zuofeng.inspection.InspectionService;
import org.zuofeng.inspection.InspectionStatus;
import org.zuofeng.inspection.InspectionType;
import org.zuofeng.notice.NoticeService;
import org.zuofeng.notice.NoticeStatus;
import org.zuofeng.notice.NoticeType;
import org.zuofeng.official.OfficialService;
import org.zuofeng.official.PostRole;
import org.zuofeng.official.PostService;
import org.zuofeng.unit.UnitService;
import org.zuofeng.unit.UnitStatus;
import org.zuofeng.unit.UnitType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What an export reads: the query of its entity's list, as the requester, with the list's own permission and read
 * rule and the same filters (by the same names, of the same types), so an export holds exactly the rows the list
 * shows the requester, masked and withheld alike. The contract schema of the rows names the CSV columns.
 */
@ApplicationScoped
public class ExportSources {

    /** The filters each list takes (its query parameters but paging and sorting). */
    static final Map<ExportEntity, Set<String>> FILTERS = Map.of(
            ExportEntity.UNIT, Set.of("parentId", "ancestorId", "type", "status", "q", "code"),
            ExportEntity.OFFICIAL, Set.of("unitId", "includeSubunits", "role", "activeOn", "q", "partyMember"),
            ExportEntity.POST, Set.of("officialId"),
            ExportEntity.INSPECTION, Set.of("type", "status", "targetUnitId", "includeSubunits", "teamMember",
                    "plannedFrom", "plannedTo", "updatedSince"),
            ExportEntity.FINDING, Set.of("inspectionId", "unitId", "includeSubunits", "officialId", "category",
                    "defect", "severity", "status", "observedFrom", "observedTo", "updatedSince"),
            ExportEntity.NOTICE, Set.of("type", "status", "addresseeUnitId", "includeSubunits", "overdue", "year",
                    "updatedSince"),
            ExportEntity.CASE, Set.of("subjectOfficialId", "unitId", "includeSubunits", "kind", "status", "measure",
                    "decidedFrom", "decidedTo"),
            ExportEntity.ASSESSMENT, Set.of("schemeId", "year", "subjectType", "unitId", "includeSubunits",
                    "officialId", "grade", "status"));

    /** The permission each list requires. */
    static final Map<ExportEntity, Permission> PERMISSIONS = Map.of(ExportEntity.UNIT, Permission.UNITS_READ,
            ExportEntity.OFFICIAL, Permission.OFFICIALS_READ, ExportEntity.POST, Permission.OFFICIALS_READ,
            ExportEntity.INSPECTION, Permission.INSPECTIONS_READ, ExportEntity.FINDING, Permission.FINDINGS_READ,
            ExportEntity.NOTICE, Permission.NOTICES_READ, ExportEntity.CASE, Permission.CASES_READ,
            ExportEntity.ASSESSMENT, Permission.ASSESSMENTS_READ);

    /** The contract schema of each entity's rows. */
    static final Map<ExportEntity, String> SCHEMAS = Map.of(ExportEntity.UNIT, "Unit",
            ExportEntity.OFFICIAL, "Official", ExportEntity.POST, "Post", ExportEntity.INSPECTION, "Inspection",
            ExportEntity.FINDING, "Finding", ExportEntity.NOTICE, "Notice", ExportEntity.CASE, "Case",
            ExportEntity.ASSESSMENT, "Assessment");

    private final Caller caller;
    private final UnitService units;
    private final OfficialService officials;
    private final PostService posts;
    private final InspectionService inspections;
    private final FindingService findings;
    private final NoticeService notices;
    private final CaseService cases;
    private final AssessmentService assessments;

    ExportSources(Caller caller, UnitService units, OfficialService officials, PostService posts,
            InspectionService inspections, FindingService findings, NoticeService notices, CaseService cases,
            AssessmentService assessments) {
        this.caller = caller;
        this.units = units;
        this.officials = officials;
        this.posts = posts;
        this.inspections = inspections;
        this.findings = findings;
        this.notices = notices;
        this.cases = cases;
        this.assessments = assessments;
    }

    /** 400 unless every filter is one the entity's list takes ({@code officialId} is required for posts). */
    static void check(ExportEntity entity, Map<String, String> filters) {
        for (String name : filters.keySet()) {
            if (!FILTERS.get(entity).contains(name)) {
                throw ProblemException.invalidField("/filters/" + name, Text.of("field.filterListTakes", entity,
                        FILTERS.get(entity).stream().sorted().toList()));
            }
        }
        if (entity == ExportEntity.POST && filters.get("officialId") == null) {
            throw ProblemException.invalidField("/filters/officialId", Text.of("field.requiredPostsListedOfficial"));
        }
    }

    /**
     * Every row of the entity's list, as the caller's own requests for it would answer (403 if it may not list),
     * {@code chunk} rows at a time, in one transaction: the lists read as projections stream through one cursor, the
     * others are read page by page.
     */
    void stream(ExportEntity entity, Map<String, String> filters, int chunk, Consumer<List<?>> chunks) {
        check(entity, filters);
        caller.require(PERMISSIONS.get(entity));
        FilterValues f = new FilterValues(filters);
        switch (entity) {
            case FINDING -> findings.export(findingQuery(f), chunk, chunks::accept);
            case OFFICIAL -> officials.export(officialQuery(f), chunk, chunks::accept);
            default -> {
                String cursor = null;
                do {
                    Page<?> page = page(entity, filters, PageRequest.of(chunk, cursor, null));
                    chunks.accept(page.items());
                    cursor = page.next();
                } while (cursor != null);
            }
        }
    }

    private static OfficialService.Query officialQuery(FilterValues f) {
        return new OfficialService.Query(f.uuid("unitId"), f.flag("includeSubunits"), f.enumOf("role", PostRole.class),
                f.date("activeOn"), f.text("q"), f.bool("partyMember"));
    }

    private static FindingService.Query findingQuery(FilterValues f) {
        return new FindingService.Query(f.uuid("inspectionId"), f.uuid("unitId"), f.flag("includeSubunits"),
                f.uuid("officialId"), f.enums("category", FindingCategory.class), f.enumOf("defect", Defect.class),
                f.enums("severity", Severity.class), f.enums("status", FindingStatus.class), f.time("observedFrom"),
                f.time("observedTo"), f.time("updatedSince"));
    }

    /** One page of the entity's list, as the caller's own request for it would answer (403 if it may not list). */
    Page<?> page(ExportEntity entity, Map<String, String> filters, PageRequest page) {
        check(entity, filters);
        caller.require(PERMISSIONS.get(entity));
        FilterValues f = new FilterValues(filters);
        return switch (entity) {
            case UNIT -> units.list(new UnitService.Query(f.uuid("parentId"), f.uuid("ancestorId"),
                    f.enums("type", UnitType.class), f.enums("status", UnitStatus.class), f.text("q"),
                    f.text("code")), null, page);
            case OFFICIAL -> officials.list(officialQuery(f), null, page);
            case POST -> posts.list(f.uuid("officialId"), null, page);
            case INSPECTION -> inspections.list(new InspectionService.Query(f.enums("type", InspectionType.class),
                    f.enums("status", InspectionStatus.class), f.uuid("targetUnitId"), f.flag("includeSubunits"),
                    f.text("teamMember"), f.date("plannedFrom"), f.date("plannedTo"), f.time("updatedSince")),
                    null, page);
            case FINDING -> findings.query(findingQuery(f), null, page);
            case NOTICE -> notices.list(new NoticeService.Query(f.enums("type", NoticeType.class),
                    f.enums("status", NoticeStatus.class), f.uuid("addresseeUnitId"), f.flag("includeSubunits"),
                    f.bool("overdue"), f.integer("year"), f.time("updatedSince")), null, page);
            case CASE -> cases.list(new CaseService.Query(f.uuid("subjectOfficialId"), f.uuid("unitId"),
                    f.flag("includeSubunits"), f.enums("kind", CaseKind.class), f.enums("status", CaseStatus.class),
                    f.enumOf("measure", Measure.class), f.date("decidedFrom"), f.date("decidedTo")), null, page);
            case ASSESSMENT -> assessments.list(new AssessmentService.Query(f.uuid("schemeId"), f.integer("year"),
                    f.enumOf("subjectType", SubjectType.class), f.uuid("unitId"), f.flag("includeSubunits"),
                    f.uuid("officialId"), f.enumOf("grade", Grade.class), f.enumOf("status", AssessmentStatus.class)),
                    null, page);
        };
    }
}
