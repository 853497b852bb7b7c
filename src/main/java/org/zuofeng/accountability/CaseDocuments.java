package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.documents.DocumentRenderer;
import org.zuofeng.documents.FormalDocument;
import org.zuofeng.documents.RenderedDocument;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.Units;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The formal document of a case decision (处分决定 or 问责决定): whom it concerns and in which unit, the facts, the
 * basis, the measures, and the right of appeal; dated the day of the decision. A superseded decision keeps its
 * document: it was issued, and stays on file.
 */
@ApplicationScoped
@Transactional
public class CaseDocuments {

    private final CaseService service;
    private final CaseRepository cases;
    private final CaseViews views;
    private final Officials officials;
    private final Units units;
    private final DocumentRenderer renderer;

    CaseDocuments(CaseService service, CaseRepository cases, CaseViews views, Officials officials, Units units,
            DocumentRenderer renderer) {
        this.service = service;
        this.cases = cases;
        this.views = views;
        this.officials = officials;
        this.units = units;
        this.renderer = renderer;
    }

    /** The document of the case's standing decision, or of {@code decisionId} among its decisions. */
    public RenderedDocument render(UUID id, UUID decisionId) {
        AccountabilityCase decided = service.visible(id);
        CaseDecision decision = decisionId == null
                ? cases.standingDecision(id).orElseThrow(() -> new ProblemException(ErrorCode.DOCUMENT_NOT_ISSUED,
                        Text.of("accountability.caseDecidedHasDocumentOnce", id)))
                : cases.decisionsOf(Set.of(id)).getOrDefault(id, List.of()).stream()
                        .filter(d -> d.id.equals(decisionId)).findFirst()
                        .orElseThrow(() -> ProblemException.notFound("decision", decisionId));
        String name = officials.names(Set.of(decided.subjectOfficialId)).get(decided.subjectOfficialId);
        String unit = units.namesOverTime(Set.of(decided.unitId)).on(decided.unitId, decision.decidedOn);
        String measures = Arrays.stream(decision.measures).map(Measure::valueOf).sorted().map(Measure::zh)
                .collect(Collectors.joining("、"));
        String title = decision.disciplinarySanction ? "关于给予" + name + measures + "处分的决定"
                : "关于对" + name + "予以" + measures + "的决定";
        FormalDocument.Body body = new FormalDocument.Body().paragraph(name + "，" + unit + "。");
        if (decided.kind == CaseKind.LEADERSHIP_RESPONSIBILITY && decided.leaderRole != null) {
            body.paragraph(name + "作为" + unit + decided.leaderRole.zh() + "，对该单位发生的问题负有领导责任（一案双查）。");
        }
        if (decided.summary != null && !decided.summary.isBlank()) {
            body.paragraph("经查：").markdown(decided.summary);
        }
        body.paragraph("依据：" + decision.basis)
                .paragraph((decision.disciplinarySanction ? "决定给予" + name + measures + "处分。"
                        : "决定对" + name + "予以" + measures + "。"))
                .paragraph("如对本决定不服，可自收到本决定之日起一个月内提出申诉。");
        return renderer.render(new FormalDocument("case-decision:" + decision.id, views.documentNumber(decision),
                title, unit, body.blocks(), decision.decidedOn, decision.createdAt));
    }
}
