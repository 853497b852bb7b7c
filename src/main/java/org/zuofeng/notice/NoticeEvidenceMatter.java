package org.zuofeng.notice;

import jakarta.inject.Singleton;
import org.zuofeng.evidence.EvidenceMatter;

/**
 * For retention, what notices say of evidence: a response's evidence is closed when the notice it answers is accepted,
 * closed or withdrawn; a finding's evidence, and a response's, is of the exposure kind once a public-exposure notice
 * names the finding (issued, not withdrawn) or the response answers one.
 */
@Singleton
public class NoticeEvidenceMatter implements EvidenceMatter {

    @Override
    public String closedAt(String e) {
        return "select case when n.status in ('ACCEPTED', 'CLOSED', 'WITHDRAWN') then n.updated_at end"
                + " from notice_responses r join supervision_notices n on n.id = r.notice_id where r.id = " + e
                + ".response_id";
    }

    @Override
    public String exposure(String e) {
        return "exists (select 1 from notice_findings nf join supervision_notices x on x.id = nf.notice_id"
                + " where nf.finding_id = " + e + ".finding_id and x.type = 'PUBLIC_EXPOSURE'"
                + " and x.status not in ('DRAFT', 'WITHDRAWN'))"
                + " or exists (select 1 from notice_responses xr join supervision_notices xn on xn.id = xr.notice_id"
                + " where xr.id = " + e + ".response_id and xn.type = 'PUBLIC_EXPOSURE')";
    }
}
