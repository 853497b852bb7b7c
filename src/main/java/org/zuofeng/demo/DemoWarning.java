package org.zuofeng.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.concurrency.EntityTags;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.security.Roles;
import org.zuofeng.demo.DemoPeople.People;
import org.zuofeng.warning.TypicalCaseView;
import org.zuofeng.warning.TypicalCaseWrite;
import org.zuofeng.warning.TypicalCases;
import org.zuofeng.warning.WarningSessionWrite;
import org.zuofeng.warning.WarningSessions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Warning education: the commission writes the clerk's decided case up as a typical case, de-identified; an admin
 * approves and publishes it; 东兴街道 studies it at a session its principal attends.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class DemoWarning {

    private final DemoSteps steps;
    private final TypicalCases typicalCases;
    private final WarningSessions sessions;

    DemoWarning(DemoSteps steps, TypicalCases typicalCases, WarningSessions sessions) {
        this.steps = steps;
        this.typicalCases = typicalCases;
        this.sessions = sessions;
    }

    void educate(People people, UUID decidedCase, LocalDate today) {
        TypicalCaseView draft = steps.as("commission", Roles.COMMISSION, () -> typicalCases.draft(steps.write(
                TypicalCaseWrite.class, Map.of("caseId", decidedCase.toString(),
                        "title", "区市场监管局窗口工作人员吴某某工作时间擅离岗位被诫勉谈话",
                        "narrative", "区市场监督管理局政务服务窗口工作人员吴某某，工作时间多次擅离办事窗口，群众久候无人办理，"
                                + "经暗访发现并查实。",
                        "violation", "工作时间擅离岗位，作风懒散，损害窗口单位形象",
                        "measure", "诫勉谈话",
                        "lesson", "窗口是群众感受作风的第一站。每一名干部都要守好岗位、办好每一件事。"))));
        TypicalCaseView published = steps.as("admin", Roles.ADMIN, () -> typicalCases.publish(draft.id(),
                IfMatch.required(EntityTags.of(draft.version()))));
        steps.as(DemoDistrict.OFFICER, Roles.UNIT_OFFICER, () -> sessions.record(people.dongxing(), steps.write(
                WarningSessionWrite.class, Map.of("heldOn", today.toString(), "title", "以案为鉴、以案促改警示教育会",
                        "typicalCaseIds", List.of(published.id().toString()),
                        "attendeeIds", List.of(people.streetHead().toString())))));
    }
}
