package org.zuofeng.accountability;

import org.mapstruct.Mapper;
import org.zuofeng.common.time.Times;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Cases to the wire; what a case view shows beyond its own row comes in {@link Parts}, assembled by {@link CaseViews}. */
@Mapper(uses = Times.class)
interface CaseMapper {

    /** What a case's view shows from other rows: names, linked cases, leaders found, decisions and appeals. */
    record Parts(String subjectName, List<UUID> linkedCaseIds, List<CaseView.LinkedCase> linkedCases,
            List<CaseView.Leader> leadersFound, CaseView.DecisionView decision,
            List<CaseView.DecisionView> decisionHistory, List<CaseView.AppealView> appeals) {
    }

    CaseView toView(AccountabilityCase accountabilityCase, Parts parts);

    CaseView.LinkedCase toLinked(AccountabilityCase accountabilityCase, String subjectName);

    CaseView.DecisionView toView(CaseDecision decision, String documentNumber);

    CaseView.AppealView toView(CaseAppeal appeal);

    /** Measures in their declared order. */
    default List<Measure> measures(String[] names) {
        return Arrays.stream(names).map(Measure::valueOf).sorted().toList();
    }
}
