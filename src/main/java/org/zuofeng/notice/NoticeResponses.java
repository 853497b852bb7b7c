package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Roles;
import org.zuofeng.common.transition.Transitions;

import java.util.UUID;

/**
 * The addressed unit's answers to a rectification notice: its officers report the measures taken, the notice goes
 * to RESPONDED and waits for the commission to accept it or return it (then the unit answers again).
 */
@ApplicationScoped
@Transactional
public class NoticeResponses {

    private final NoticeRepository notices;
    private final NoticeService service;
    private final NoticeViews views;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final Caller caller;
    private final CallerScope scope;

    public NoticeResponses(NoticeRepository notices, NoticeService service, NoticeViews views, AuditTrail audit,
            Transitions transitions, Caller caller, CallerScope scope) {
        this.notices = notices;
        this.service = service;
        this.views = views;
        this.audit = audit;
        this.transitions = transitions;
        this.caller = caller;
        this.scope = scope;
    }

    /** A unit's rectification report, by an officer of an addressed unit. */
    public NoticeView respond(UUID id, ResponseWrite write) {
        SupervisionNotice notice = service.visible(id);
        requireAddressedOfficer(notice, Text.of("notice.officersRespond"));
        if (notice.type != NoticeType.RECTIFICATION_NOTICE
                || notice.status != NoticeStatus.ISSUED && notice.status != NoticeStatus.RETURNED) {
            throw new ProblemException(ErrorCode.NOTICE_NOT_AWAITING_RESPONSE,
                    notice.type == NoticeType.RECTIFICATION_NOTICE
                    ? Text.of("notice.notAwaitingResponse", id, notice.status)
                    : Text.of("notice.takesNoResponse", id, notice.status));
        }
        NoticeView before = views.of(notice);
        NoticeResponse response = new NoticeResponse();
        response.noticeId = id;
        response.measures = write.measures();
        response.completedOn = write.completedOn();
        audit.stampCreated(response);
        notices.persistResponse(response);
        Transitions.Step<NoticeStatus> step = new Transitions.Step<>(notice.status, NoticeStatus.RESPONDED, null);
        notice.status = NoticeStatus.RESPONDED;
        audit.stampUpdated(notice);
        notices.flush();
        transitions.record(NoticeService.ENTITY_TYPE, id, step);
        NoticeView after = views.of(notice);
        audit.record("RESPOND", NoticeService.ENTITY_TYPE, id, before, after);
        return after;
    }

    /** The response and its notice, if the caller may see the notice. */
    NoticeResponse visible(UUID noticeId, UUID responseId) {
        service.visible(noticeId);
        return notices.findResponse(responseId).filter(r -> r.noticeId.equals(noticeId))
                .orElseThrow(() -> ProblemException.notFound("response", responseId));
    }

    /** Only an officer of an addressed unit (or an admin) answers for the unit. */
    void requireAddressedOfficer(SupervisionNotice notice, Text refusal) {
        if (!caller.hasRole(Roles.ADMIN)
                && !(caller.hasRole(Roles.UNIT_OFFICER) && scope.anyInScope(notice.addresseeUnitIds))) {
            throw new ProblemException(ErrorCode.FORBIDDEN, refusal);
        }
    }
}
