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

/** Accountability: one case, two investigations (一案双查): the violation opens the leaders' cases; it is decided. */
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

    void decide(People people, LocalDate today) {
        UUID violation = steps.as("commission", Roles.COMMISSION, () -> cases.create(steps.write(CaseWrite.class,
                Map.of("subjectOfficialId", people.marketHead().toString(), "unitId", people.market().toString(),
                        "kind", "VIOLATION", "occurredOn", today.minusDays(2).toString(),
                        "summary", "办事窗口工作时间无人值守，负有领导责任。"))).id());
        steps.as("commission", Roles.COMMISSION, () -> decisions.decide(violation, steps.write(DecisionWrite.class,
                Map.of("measures", List.of("ADMONISHMENT_TALK"), "decidedOn", today.minusDays(1).toString(),
                        "basis", "《中国共产党问责条例》第七条"))));
    }
}
