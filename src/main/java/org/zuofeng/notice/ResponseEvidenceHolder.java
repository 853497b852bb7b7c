package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.evidence.EvidenceHolder;
import org.zuofeng.evidence.EvidenceService;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Evidence of a unit's response to a rectification notice: seen with the notice; added by the addressed unit's
 * officers while the response waits for the commission.
 */
@ApplicationScoped
@Transactional
public class ResponseEvidenceHolder implements EvidenceHolder {

    private final NoticeRepository notices;
    private final NoticeService service;
    private final NoticeResponses responses;
    private final CallerScope scope;

    public ResponseEvidenceHolder(NoticeRepository notices, NoticeService service, NoticeResponses responses,
            CallerScope scope) {
        this.notices = notices;
        this.service = service;
        this.responses = responses;
        this.scope = scope;
    }

    @Override
    public String kind() {
        return EvidenceService.Owner.RESPONSE;
    }

    @Override
    public void requireVisible(UUID id) {
        noticeOf(id);
    }

    @Override
    public Set<UUID> visibleAmong(Collection<UUID> ids) {
        Map<UUID, UUID> noticeOf = notices.noticesOfResponses(ids);
        Set<UUID> readable = scope.readableIds(SupervisionNotice.class, Set.copyOf(noticeOf.values()),
                NoticeAccess.NOTICES);
        return noticeOf.entrySet().stream().filter(e -> readable.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Override
    public void requireMayAdd(UUID id) {
        SupervisionNotice notice = noticeOf(id);
        responses.requireAddressedOfficer(notice, Text.of("notice.officersAddEvidence"));
        if (notice.status != NoticeStatus.RESPONDED) {
            throw new ProblemException(ErrorCode.NOTICE_NOT_AWAITING_RESPONSE,
                    Text.of("notice.noticeEvidenceBacksResponseUnder", notice.id, notice.status));
        }
    }

    @Override
    public Set<UUID> secretAmong(Collection<UUID> ids) {
        return Set.of();
    }

    private SupervisionNotice noticeOf(UUID responseId) {
        NoticeResponse response = notices.findResponse(responseId)
                .orElseThrow(() -> ProblemException.notFound("response", responseId));
        return service.visible(response.noticeId);
    }
}
