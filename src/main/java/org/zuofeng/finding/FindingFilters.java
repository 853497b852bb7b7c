package org.zuofeng.finding;

import jakarta.ws.rs.QueryParam;
import org.zuofeng.common.web.QueryValues;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The query parameters that filter findings; multi-valued ones are comma-separated. */
public class FindingFilters {

    @QueryParam("inspectionId")
    UUID inspectionId;

    @QueryParam("unitId")
    UUID unitId;

    @QueryParam("includeSubunits")
    Boolean includeSubunits;

    @QueryParam("officialId")
    UUID officialId;

    @QueryParam("category")
    String category;

    @QueryParam("defect")
    Defect defect;

    @QueryParam("severity")
    String severity;

    @QueryParam("status")
    String status;

    @QueryParam("observedFrom")
    OffsetDateTime observedFrom;

    @QueryParam("observedTo")
    OffsetDateTime observedTo;

    @QueryParam("updatedSince")
    OffsetDateTime updatedSince;

    /** The filters of a list read by the service itself (an export), as a client would send them. */
    public static FindingFilters of(UUID inspectionId, UUID unitId, Boolean includeSubunits, UUID officialId,
            String category, Defect defect, String severity, String status, OffsetDateTime observedFrom,
            OffsetDateTime observedTo, OffsetDateTime updatedSince) {
        FindingFilters filters = new FindingFilters();
        filters.inspectionId = inspectionId;
        filters.unitId = unitId;
        filters.includeSubunits = includeSubunits;
        filters.officialId = officialId;
        filters.category = category;
        filters.defect = defect;
        filters.severity = severity;
        filters.status = status;
        filters.observedFrom = observedFrom;
        filters.observedTo = observedTo;
        filters.updatedSince = updatedSince;
        return filters;
    }

    FindingService.Query query() {
        return new FindingService.Query(inspectionId, unitId, Boolean.TRUE.equals(includeSubunits), officialId,
                QueryValues.enums("category", category, FindingCategory.class), defect,
                QueryValues.enums("severity", severity, Severity.class),
                QueryValues.enums("status", status, FindingStatus.class), observedFrom, observedTo, updatedSince);
    }
}
