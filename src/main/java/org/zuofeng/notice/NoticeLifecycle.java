package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.transition.Lifecycle;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.finding.FindingStatus;
import org.zuofeng.finding.Findings;

import java.util.UUID;

/**
 * A notice's steps after drafting, taken by the commission: issuing ({@link NoticeIssuing}), closing, withdrawing;
 * for a rectification notice also accepting or returning the unit's response (accepting moves the cited findings
 * to RECTIFIED).
 */
@ApplicationScoped
@Transactional
public class NoticeLifecycle {

    /** Bulletins, admonition talks and exposures. */
    static final Lifecycle<NoticeStatus> LIFECYCLE = Lifecycle.of(NoticeStatus.class)
            .step(NoticeStatus.ISSUED, NoticeStatus.DRAFT)
            .step(NoticeStatus.CLOSED, NoticeStatus.ISSUED)
            .step(NoticeStatus.WITHDRAWN, NoticeStatus.ISSUED)
            .noteRequired(NoticeStatus.WITHDRAWN)
            .build();

    /** Rectification notices; the unit's response (not a transition) takes them to RESPONDED. */
    static final Lifecycle<NoticeStatus> RECTIFICATION = Lifecycle.of(NoticeStatus.class)
            .step(NoticeStatus.ISSUED, NoticeStatus.DRAFT)
            .step(NoticeStatus.ACCEPTED, NoticeStatus.RESPONDED)
            .step(NoticeStatus.RETURNED, NoticeStatus.RESPONDED)
            .step(NoticeStatus.CLOSED, NoticeStatus.ACCEPTED)
            .step(NoticeStatus.WITHDRAWN, NoticeStatus.ISSUED, NoticeStatus.RESPONDED, NoticeStatus.ACCEPTED)
            .noteRequired(NoticeStatus.RETURNED)
            .noteRequired(NoticeStatus.WITHDRAWN)
            .build();

    private final NoticeRepository notices;
    private final NoticeService service;
    private final NoticeIssuing issuing;
    private final NoticeViews views;
    private final Findings findings;
    private final AuditTrail audit;
    private final Transitions transitions;

    public NoticeLifecycle(NoticeRepository notices, NoticeService service, NoticeIssuing issuing, NoticeViews views,
            Findings findings, AuditTrail audit, Transitions transitions) {
        this.notices = notices;
        this.service = service;
        this.issuing = issuing;
        this.views = views;
        this.findings = findings;
        this.audit = audit;
        this.transitions = transitions;
    }

    /** Moves a notice along its lifecycle (commission and admins). */
    public NoticeView transition(UUID id, IfMatch ifMatch, TransitionRequest request) {
        SupervisionNotice notice = service.visible(id);
        ifMatch.check(notice.version);
        Lifecycle<NoticeStatus> lifecycle = notice.type == NoticeType.RECTIFICATION_NOTICE ? RECTIFICATION
                : LIFECYCLE;
        NoticeStatus to = lifecycle.parse(request.to);
        Transitions.Step<NoticeStatus> step = transitions.check(lifecycle, notice.status, to, request);
        NoticeView before = views.of(notice);
        if (to == NoticeStatus.ISSUED) {
            issuing.issue(notice);
        } else if (to == NoticeStatus.ACCEPTED) {
            findings.follow(notice.findingIds, FindingStatus.RECTIFYING, FindingStatus.RECTIFIED,
                    "Rectification accepted under notice " + NoticeViews.label(notice));
        }
        notice.status = to;
        audit.stampUpdated(notice);
        notices.flush();
        transitions.record(NoticeService.ENTITY_TYPE, id, step);
        NoticeView after = views.of(notice);
        audit.record("TRANSITION", NoticeService.ENTITY_TYPE, id, before, after);
        return after;
    }
}
