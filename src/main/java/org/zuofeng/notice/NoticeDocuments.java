package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.time.Times;
import org.zuofeng.documents.DocumentRenderer;
import org.zuofeng.documents.FormalDocument;
import org.zuofeng.documents.RenderedDocument;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.Units;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The formal document of an issued notice (通报, 整改通知书, 约谈通知, 曝光): its number, title, addressed units and
 * body, the rectification deadline or the talk's time and subject, the officials it names, dated the day it was
 * issued.
 */
@ApplicationScoped
@Transactional
public class NoticeDocuments {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final NoticeService service;
    private final NoticeViews views;
    private final Units units;
    private final Officials officials;
    private final DocumentRenderer renderer;

    NoticeDocuments(NoticeService service, NoticeViews views, Units units, Officials officials,
            DocumentRenderer renderer) {
        this.service = service;
        this.views = views;
        this.units = units;
        this.officials = officials;
        this.renderer = renderer;
    }

    public RenderedDocument render(UUID id) {
        SupervisionNotice notice = service.visible(id);
        if (notice.issuedAt == null) {
            throw new ProblemException(ErrorCode.DOCUMENT_NOT_ISSUED, Text.of("notice.noticeDraftHasDocumentOnce", id));
        }
        // Sets load in no set order: names are sorted, so the same notice always reads the same.
        Map<UUID, String> unitNames = units.namesAt(notice.addresseeUnitIds, notice.issuedAt);
        FormalDocument.Body body = new FormalDocument.Body().markdown(notice.body);
        switch (notice.type) {
            case RECTIFICATION_NOTICE -> body.field("整改期限", DocumentRenderer.chinese(notice.deadline));
            case ADMONITION_TALK -> {
                var at = notice.talkScheduledAt.atZone(Times.ZONE);
                body.field("约谈时间", DocumentRenderer.chinese(at.toLocalDate()) + " " + TIME.format(at))
                        .field("约谈事项", notice.area)
                        .field("约谈对象", notice.summoned.stream().map(NoticeDocuments::summoned)
                                .collect(Collectors.joining("、")));
            }
            default -> body.field("涉及人员", officials.names(notice.officialIds).values().stream()
                    .sorted().collect(Collectors.joining("、")));
        }
        return renderer.render(new FormalDocument("supervision-notice:" + notice.id, views.documentNumber(notice),
                notice.title, unitNames.values().stream().sorted().collect(Collectors.joining("、")),
                body.blocks(), notice.issuedAt.atZone(Times.ZONE).toLocalDate(), notice.issuedAt));
    }

    private static String summoned(Summoned official) {
        return official.title == null || official.title.isBlank() ? official.name
                : official.name + "（" + official.title + "）";
    }
}
