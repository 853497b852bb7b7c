package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.persistence.SerialCounters;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.time.Times;
import org.zuofeng.finding.FindingStatus;
import org.zuofeng.finding.Findings;
import org.zuofeng.official.HeldPost;
import org.zuofeng.official.Officials;
import org.zuofeng.official.PostRole;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issuing a notice: checked once more against the issue date, numbered without gaps per type and year, an
 * admonition talk's leaders summoned, and a rectification notice's open findings moved to RECTIFYING.
 */
@ApplicationScoped
class NoticeIssuing {

    private final SerialCounters counters;
    private final NoticeChecks checks;
    private final Officials officials;
    private final Findings findings;
    private final Caller caller;
    private final Clock clock;

    NoticeIssuing(SerialCounters counters, NoticeChecks checks, Officials officials, Findings findings,
            Caller caller, Clock clock) {
        this.counters = counters;
        this.checks = checks;
        this.officials = officials;
        this.findings = findings;
        this.caller = caller;
        this.clock = clock;
    }

    void issue(SupervisionNotice notice) {
        Instant now = clock.instant();
        LocalDate issueDate = now.atZone(Times.ZONE).toLocalDate();
        checks.validateIssue(notice, issueDate);
        if (notice.type == NoticeType.ADMONITION_TALK) {
            summon(notice, issueDate);
        }
        // Number, issue date and status change together: the database holds them to each other at every flush.
        int sequence = counters.next("notice:" + notice.type, issueDate.getYear());
        notice.serialYear = issueDate.getYear();
        notice.serialSequence = sequence;
        notice.issuedAt = now;
        notice.issuedBy = caller.subject();
        notice.status = NoticeStatus.ISSUED;
        if (notice.type == NoticeType.RECTIFICATION_NOTICE) {
            findings.follow(notice.findingIds, FindingStatus.OPEN, FindingStatus.RECTIFYING,
                    "Rectification notice " + NoticeViews.label(notice) + " issued");
        }
    }

    /**
     * The officials named by the notice, or else the addressee's principal and deputies in charge that day (only
     * the deputy in charge of the notice's area, when it names one).
     */
    private void summon(SupervisionNotice notice, LocalDate issueDate) {
        UUID unitId = notice.addresseeUnitIds.iterator().next();
        List<HeldPost> held = officials.postsInUnitOn(unitId, issueDate);
        notice.summoned.clear();
        if (!notice.officialIds.isEmpty()) {
            Map<UUID, HeldPost> postOf = held.stream()
                    .collect(Collectors.toMap(HeldPost::officialId, Function.identity(), (a, b) -> a));
            Map<UUID, String> names = officials.names(notice.officialIds);
            notice.officialIds.stream().filter(names::containsKey)
                    .forEach(id -> notice.summoned.add(summoned(id, names.get(id), postOf.get(id))));
            return;
        }
        List<HeldPost> leaders = HeldPost.withoutStandIns(held.stream().filter(p -> p.answersFor(notice.area))
                .sorted(Comparator.comparing(HeldPost::role)).toList());
        if (leaders.stream().noneMatch(p -> p.role() == PostRole.PRINCIPAL || p.role() == PostRole.ACTING_PRINCIPAL)) {
            throw new ProblemException(ErrorCode.UNIT_HAS_NO_PRINCIPAL,
                    Text.of("notice.unitHasPrincipalSummon", unitId, issueDate));
        }
        Map<UUID, String> names = officials.names(leaders.stream().map(HeldPost::officialId).toList());
        leaders.forEach(p -> notice.summoned.add(summoned(p.officialId(), names.get(p.officialId()), p)));
    }

    private static Summoned summoned(UUID officialId, String name, HeldPost post) {
        Summoned summoned = new Summoned();
        summoned.officialId = officialId;
        summoned.name = name;
        summoned.role = post == null ? null : post.role();
        summoned.title = post == null ? null : post.title();
        return summoned;
    }
}
