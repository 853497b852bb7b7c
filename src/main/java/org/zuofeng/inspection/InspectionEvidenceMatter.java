package org.zuofeng.inspection;

import jakarta.inject.Singleton;
import org.zuofeng.evidence.EvidenceMatter;

/** For retention, evidence of a whole inspection: closed when it is completed or cancelled; covert if it is. */
@Singleton
public class InspectionEvidenceMatter implements EvidenceMatter {

    @Override
    public String closedAt(String e) {
        return "select case when i.status in ('COMPLETED', 'CANCELLED') then i.updated_at end from inspections i"
                + " where i.id = " + e + ".inspection_id";
    }

    @Override
    public String covert(String e) {
        return Inspections.isCovertSql(e + ".inspection_id");
    }
}
