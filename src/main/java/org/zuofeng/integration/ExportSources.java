package org.zuofeng.integration;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.accountability.CaseResource;
import org.zuofeng.accountability.Measure;
import org.zuofeng.assessment.AssessmentResource;
import org.zuofeng.assessment.AssessmentStatus;
import org.zuofeng.assessment.Grade;
import org.zuofeng.assessment.SubjectType;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.finding.Defect;
import org.zuofeng.finding.FindingFilters;
import org.zuofeng.finding.FindingResource;
import org.zuofeng.inspection.InspectionResource;
import org.zuofeng.notice.NoticeResource;
import org.zuofeng.official.OfficialResource;
import org.zuofeng.official.PostResource;
import org.zuofeng.official.PostRole;
import org.zuofeng.unit.UnitResource;

import java.util.Map;
import java.util.Set;

/**
 * What an export reads: the list endpoint of its entity, called as the list's own clients call it, with the same
 * filters (by the same names, of the same types), so an export holds exactly the rows the list shows the
 * requester, masked and withheld alike. The contract schema of the rows names the CSV columns.
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

    /** The contract schema of each entity's rows. */
    static final Map<ExportEntity, String> SCHEMAS = Map.of(ExportEntity.UNIT, "Unit",
            ExportEntity.OFFICIAL, "Official", ExportEntity.POST, "Post", ExportEntity.INSPECTION, "Inspection",
            ExportEntity.FINDING, "Finding", ExportEntity.NOTICE, "Notice", ExportEntity.CASE, "Case",
            ExportEntity.ASSESSMENT, "Assessment");

    private final UnitResource units;
    private final OfficialResource officials;
    private final PostResource posts;
    private final InspectionResource inspections;
    private final FindingResource findings;
    private final NoticeResource notices;
    private final CaseResource cases;
    private final AssessmentResource assessments;

    public ExportSources(UnitResource units, OfficialResource officials, PostResource posts,
            InspectionResource inspections, FindingResource findings, NoticeResource notices, CaseResource cases,
            AssessmentResource assessments) {
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
                throw ProblemException.invalidField("/filters/" + name, "is not a filter of the " + entity
                        + " list; it takes " + FILTERS.get(entity).stream().sorted().toList());
            }
        }
        if (entity == ExportEntity.POST && filters.get("officialId") == null) {
            throw ProblemException.invalidField("/filters/officialId", "is required: posts are listed by official");
        }
    }

    /** One page of the entity's list, as the caller's own request for it would answer. */
    Page<?> page(ExportEntity entity, Map<String, String> filters, PageParams page) {
        check(entity, filters);
        FilterValues f = new FilterValues(filters);
        return switch (entity) {
            case UNIT -> units.list(f.uuid("parentId"), f.uuid("ancestorId"), f.text("type"), f.text("status"),
                    f.text("q"), f.text("code"), page);
            case OFFICIAL -> officials.list(f.uuid("unitId"), f.bool("includeSubunits"),
                    f.enumOf("role", PostRole.class), f.date("activeOn"), f.text("q"), f.bool("partyMember"), page);
            case POST -> posts.list(f.uuid("officialId"), page);
            case INSPECTION -> inspections.list(f.text("type"), f.text("status"), f.uuid("targetUnitId"),
                    f.bool("includeSubunits"), f.text("teamMember"), f.date("plannedFrom"), f.date("plannedTo"),
                    f.time("updatedSince"), page);
            case FINDING -> findings.query(FindingFilters.of(f.uuid("inspectionId"), f.uuid("unitId"),
                    f.bool("includeSubunits"), f.uuid("officialId"), f.text("category"),
                    f.enumOf("defect", Defect.class), f.text("severity"), f.text("status"), f.time("observedFrom"),
                    f.time("observedTo"), f.time("updatedSince")), page);
            case NOTICE -> notices.list(f.text("type"), f.text("status"), f.uuid("addresseeUnitId"),
                    f.bool("includeSubunits"), f.bool("overdue"), f.integer("year"), f.time("updatedSince"), page);
            case CASE -> cases.list(f.uuid("subjectOfficialId"), f.uuid("unitId"), f.bool("includeSubunits"),
                    f.text("kind"), f.text("status"), f.enumOf("measure", Measure.class), f.date("decidedFrom"),
                    f.date("decidedTo"), page);
            case ASSESSMENT -> assessments.list(f.uuid("schemeId"), f.integer("year"),
                    f.enumOf("subjectType", SubjectType.class), f.uuid("unitId"), f.bool("includeSubunits"),
                    f.uuid("officialId"), f.enumOf("grade", Grade.class), f.enumOf("status", AssessmentStatus.class),
                    page);
        };
    }
}
