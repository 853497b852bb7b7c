package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.finding.Findings;
import org.zuofeng.notice.Notices;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What a case must refer to: an official, a unit, the notice and findings it arose from (no secret finding). */
@ApplicationScoped
class CaseChecks {

    private final Officials officials;
    private final Units units;
    private final Notices notices;
    private final Findings findings;

    CaseChecks(Officials officials, Units units, Notices notices, Findings findings) {
        this.officials = officials;
        this.units = units;
        this.notices = notices;
        this.findings = findings;
    }

    void validate(CaseWrite write) {
        List<FieldError> errors = new ArrayList<>();
        if (!officials.exists(write.subjectOfficialId())) {
            errors.add(FieldError.atPointer("/subjectOfficialId", Text.of("field.officialNotFound")));
        }
        if (units.find(write.unitId()).isEmpty()) {
            errors.add(FieldError.atPointer("/unitId", Text.of("field.unitNotFound")));
        }
        if (write.sourceNoticeId() != null && !notices.exists(write.sourceNoticeId())) {
            errors.add(FieldError.atPointer("/sourceNoticeId", Text.of("field.noticeNotFound")));
        }
        Set<UUID> known = findings.unitsOf(write.findings()).keySet();
        for (int n = 0; n < write.findings().size(); n++) {
            if (!known.contains(write.findings().get(n))) {
                errors.add(FieldError.atPointer("/sourceFindingIds/" + n, Text.of("field.findingNotFound")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        findings.requireRevealed(write.findings());
    }
}
