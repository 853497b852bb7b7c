package org.zuofeng.accountability;

import jakarta.inject.Singleton;
import org.zuofeng.evidence.EvidenceMatter;

/**
 * For retention, what cases say of a finding's evidence: a case still open (not closed or waived) keeps its source
 * findings' matter open, and the period counts from the last change of any case they are a source of.
 */
@Singleton
public class CaseEvidenceMatter implements EvidenceMatter {

    @Override
    public String holds(String e) {
        return "exists (select 1 from case_source_findings s join accountability_cases c on c.id = s.case_id"
                + " where s.finding_id = " + e + ".finding_id and c.status not in ('CLOSED', 'WAIVED'))";
    }

    @Override
    public String lastActivity(String e) {
        return "select max(c.updated_at) from case_source_findings s join accountability_cases c on c.id = s.case_id"
                + " where s.finding_id = " + e + ".finding_id";
    }
}
