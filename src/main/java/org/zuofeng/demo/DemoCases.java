package org.zuofeng.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.accountability.CaseDecisions;
import org.zuofeng.accountability.CaseService;
import org.zuofeng.accountability.CaseWrite;
import org.zuofeng.accountability.DecisionWrite;
import org.zuofeng.common.security.Roles;
import org.zuofeng.demo.DemoPeople.People;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accountability, one case, two investigations (一案双查): the window clerk's violation, on the finding that the
 * window stood empty, opens the cases of the bureau's principal and of the deputy in charge of government services;
 * the violation is decided, the leaders' cases stay open.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class DemoCases {

    private final DemoSteps steps;
    private final CaseService cases;
    private final CaseDecisions decisions;

    DemoCases(DemoSteps steps, CaseService cases, CaseDecisions decisions) {
        this.steps = steps;
        this.cases = cases;
        this.decisions = decisions;
    }

    /** The clerk's violation decided; answers its case. */
    UUID decide(People people, UUID finding, LocalDate today) {
        UUID violation = steps.as("commission", Roles.COMMISSION, () -> cases.create(steps.write(CaseWrite.class,
                Map.of("subjectOfficialId", people.marketClerk().toString(), "unitId", people.market().toString(),
                        "kind", "VIOLATION", "occurredOn", today.minusDays(2).toString(),
                        "sourceFindingIds", List.of(finding.toString()), "area", "政务服务",
                        "summary", "工作时间擅离办事窗口，群众久候无人办理。"))).id());
        steps.as("commission", Roles.COMMISSION, () -> decisions.decide(violation, steps.write(DecisionWrite.class,
                Map.of("measures", List.of("ADMONISHMENT_TALK"), "decidedOn", today.minusDays(1).toString(),
                        "basis", "《中国共产党问责条例》第七条"))));
        return violation;
    }
}
