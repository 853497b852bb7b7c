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

    FindingService.Query query() {
        return new FindingService.Query(inspectionId, unitId, Boolean.TRUE.equals(includeSubunits), officialId,
                QueryValues.enums("category", category, FindingCategory.class), defect,
                QueryValues.enums("severity", severity, Severity.class),
                QueryValues.enums("status", status, FindingStatus.class), observedFrom, observedTo, updatedSince);
    }
}
