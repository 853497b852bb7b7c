package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.paging.PageViews;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.documents.DocumentNumbers;
import org.zuofeng.official.HeldPost;
import org.zuofeng.official.Officials;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cases as the API shows them, a page at a time in a fixed number of queries: with their linked cases, the leaders
 * found for a violation, their decisions and appeals; and then as the caller may see them ({@link #shown}).
 */
@ApplicationScoped
class CaseViews implements PageViews<AccountabilityCase, CaseView> {

    private final CaseRepository cases;
    private final CaseMapper mapper;
    private final Leaders leaders;
    private final Officials officials;
    private final CallerScope scope;
    private final DocumentNumbers numbers;

    CaseViews(CaseRepository cases, CaseMapper mapper, Leaders leaders, Officials officials, CallerScope scope,
            DocumentNumbers numbers) {
        this.cases = cases;
        this.mapper = mapper;
        this.leaders = leaders;
        this.officials = officials;
        this.scope = scope;
        this.numbers = numbers;
    }

    /** A decision as the API shows it, with the number of its formal document (榕纪处〔2026〕3号). */
    CaseView.DecisionView of(CaseDecision decision) {
        return mapper.toView(decision, documentNumber(decision));
    }

    String documentNumber(CaseDecision decision) {
        return numbers.of(CaseDecision.SERIES, decision.serialYear, decision.serialSequence);
    }

    /** The whole views (as the audit log keeps them). */
    @Override
    public List<CaseView> of(List<AccountabilityCase> list) {
        List<UUID> ids = list.stream().map(c -> c.id).toList();
        Map<UUID, List<AccountabilityCase>> leadership = cases.leadershipCasesOf(ids);
        Set<UUID> violationIds = list.stream().map(c -> c.violationCaseId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, AccountabilityCase> violations = violationIds.isEmpty() ? Map.of()
                : cases.list("id in ?1", violationIds).stream().collect(Collectors.toMap(c -> c.id,
                        Function.identity()));
        Map<UUID, List<CaseDecision>> decisions = cases.decisionsOf(ids);
        Map<UUID, List<CaseAppeal>> appeals = cases.appealsOf(ids);
        Map<UUID, List<HeldPost>> leadersOf = leaders.ofViolations(list.stream()
                .filter(c -> c.kind == CaseKind.VIOLATION).toList());
        Set<UUID> people = new HashSet<>();
        list.forEach(c -> people.add(c.subjectOfficialId));
        leadership.values().forEach(l -> l.forEach(c -> people.add(c.subjectOfficialId)));
        violations.values().forEach(c -> people.add(c.subjectOfficialId));
        leadersOf.values().forEach(l -> l.forEach(p -> people.add(p.officialId())));
        Map<UUID, String> names = officials.names(people);
        return list.stream().map(c -> {
            List<AccountabilityCase> linked = c.kind == CaseKind.VIOLATION
                    ? leadership.getOrDefault(c.id, List.of())
                    : c.violationCaseId == null ? List.<AccountabilityCase>of()
                    : Stream.ofNullable(violations.get(c.violationCaseId)).toList();
            List<CaseView.DecisionView> history = decisions.getOrDefault(c.id, List.of()).stream()
                    .map(this::of).toList();
            return mapper.toView(c, new CaseMapper.Parts(names.get(c.subjectOfficialId),
                    linked.stream().map(l -> l.id).toList(),
                    linked.stream().map(l -> mapper.toLinked(l, names.get(l.subjectOfficialId))).toList(),
                    c.kind == CaseKind.VIOLATION ? leadersFound(leadersOf.get(c.id), linked, names) : null,
                    history.stream().filter(d -> d.supersededBy() == null).findFirst().orElse(null), history,
                    appeals.getOrDefault(c.id, List.of()).stream().map(mapper::toView).toList()));
        }).toList();
    }

    CaseView shown(CaseView view) {
        return shown(List.of(view)).get(0);
    }

    /**
     * The views as the caller may see them: a linked case it may not read itself ({@link CaseAccess}) is left out,
     * with its id, subject and status, and so is the case id of a leader found (the leader stays: who led the unit
     * is no secret of the case). Audit images keep the whole view.
     */
    List<CaseView> shown(List<CaseView> views) {
        Set<UUID> linked = views.stream().flatMap(v -> v.linkedCaseIds().stream()).collect(Collectors.toSet());
        Set<UUID> readable = scope.readableIds(AccountabilityCase.class, linked, CaseAccess.CASES);
        if (readable.size() == linked.size()) {
            return views;
        }
        return views.stream().map(v -> v.withLinkedCases(readable)).toList();
    }

    /** The leaders of the violation's unit on its day, each with the case opened for them (none for the subject). */
    private static List<CaseView.Leader> leadersFound(List<HeldPost> leaders, List<AccountabilityCase> linked,
            Map<UUID, String> names) {
        Map<UUID, UUID> caseOf = linked.stream().collect(Collectors.toMap(l -> l.subjectOfficialId, l -> l.id,
                (a, b) -> a));
        return leaders.stream().map(p -> new CaseView.Leader(p.officialId(), names.get(p.officialId()), p.role(),
                p.responsibility(), caseOf.get(p.officialId()))).toList();
    }
}
