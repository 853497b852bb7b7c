package org.zuofeng.finding;

import jakarta.inject.Singleton;
import org.zuofeng.evidence.EvidenceMatter;
import org.zuofeng.inspection.Inspections;

/** For retention, evidence of a finding: closed when it is verified or dismissed; covert if its inspection is. */
@Singleton
public class FindingEvidenceMatter implements EvidenceMatter {

    @Override
    public String closedAt(String e) {
        return "select case when f.status in ('VERIFIED', 'DISMISSED') then f.updated_at end from findings f"
                + " where f.id = " + e + ".finding_id";
    }

    @Override
    public String covert(String e) {
        return "exists (select 1 from findings cf where cf.id = " + e + ".finding_id and "
                + Inspections.isCovertSql("cf.inspection_id") + ")";
    }
}
