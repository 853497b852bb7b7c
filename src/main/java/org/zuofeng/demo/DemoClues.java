package org.zuofeng.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.clue.ApprovalWrite;
import org.zuofeng.clue.ClarificationWrite;
import org.zuofeng.clue.ClueHandling;
import org.zuofeng.clue.ClueService;
import org.zuofeng.clue.ClueSource;
import org.zuofeng.clue.ClueView;
import org.zuofeng.clue.ClueWrite;
import org.zuofeng.clue.Clarifications;
import org.zuofeng.clue.ConclusionWrite;
import org.zuofeng.clue.ProposalWrite;
import org.zuofeng.clue.PublicReportService;
import org.zuofeng.clue.PublicReportWrite;
import org.zuofeng.clue.QuestionWrite;
import org.zuofeng.clue.ReportChallenges;
import org.zuofeng.clue.SubjectsWrite;
import org.zuofeng.common.concurrency.EntityTags;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.security.Roles;
import org.zuofeng.demo.DemoPeople.People;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The clue register in four states: an anonymous public report that names its unit as the reporter knows it, linked
 * by the commission and asked a question; a clue from the media just registered; a higher commission's referral in
 * preliminary verification (proposed by one member, approved by another); and a visit's clue against the village
 * secretary concluded unfounded, his name cleared by a published clarification (澄清正名).
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class DemoClues {

    /** The demo's report comes from a documentation address (RFC 5737), not from a client's. */
    private static final SocketAddress DEMO_REPORTER = SocketAddress.inetSocketAddress(0, "192.0.2.1");

    private final DemoSteps steps;
    private final PublicReportService reports;
    private final ClueService clues;
    private final ClueHandling handling;
    private final Clarifications clarifications;

    DemoClues(DemoSteps steps, PublicReportService reports, ClueService clues, ClueHandling handling,
            Clarifications clarifications) {
        this.steps = steps;
        this.reports = reports;
        this.clues = clues;
        this.handling = handling;
        this.clarifications = clarifications;
    }

    void register(People people, LocalDate today) {
        report(people);
        clue("MEDIA", "OTHER", "网帖反映区市场监督管理局窗口推诿", "本地论坛网帖称，办理营业执照变更时窗口以“系统故障”为由多次推诿。",
                List.of(people.market()), List.of(), today);
        UUID referral = clue("HIGHER_COMMISSION", "LETTER", "上级交办：东兴街道营商环境投诉办理迟缓",
                "市纪委监委转来企业投诉，反映东兴街道对企业诉求长期不予答复。", List.of(people.dongxing()),
                List.of(people.streetHead()), today.minusDays(10));
        propose(referral, "PRELIMINARY_VERIFICATION", "反映问题具体，具备核实条件。");
        approve(referral);
        UUID visit = clue("OTHER", "VISIT", "来访反映东兴村党支部书记不作为", "来访群众反映村党支部书记对村道维修诉求置之不理。",
                List.of(people.dongxingVillage()), List.of(people.secretary()), today.minusDays(30));
        propose(visit, "TALK_OR_INQUIRY", "问题较为笼统，先行函询。");
        approve(visit);
        as(() -> handling.conclude(visit, ifMatch(visit), steps.write(ConclusionWrite.class, Map.of(
                "outcome", "UNFOUNDED", "conclusion", "经函询并走访核实，村道维修已列入计划并按程序推进，反映问题不实。"))));
        as(() -> clarifications.publish(visit, steps.write(ClarificationWrite.class, Map.of(
                "officialId", people.secretary().toString(), "unitId", people.dongxingVillage().toString(),
                "title", "关于为郑国平同志澄清正名的通报",
                "body", "经核实，反映东兴村党支部书记郑国平对村道维修诉求置之不理的问题不属实，现予澄清正名。"))));
    }

    /** An anonymous report, as a browser sends it with its proof of work; its receipt is not kept anywhere. */
    private void report(People people) {
        ReportChallenges.Challenge challenge = reports.challenge();
        reports.submit(steps.write(PublicReportWrite.class, Map.of(
                "work", Map.of("challenge", challenge.challenge(), "solution", ReportChallenges.solve(challenge)),
                "category", "SLOW_ACTION", "title", "市场监管局窗口办事拖延",
                "details", "上月三次到窗口办理食品经营许可，每次都说材料不全，却不一次性告知缺什么。",
                "unitName", "市场监管局", "people", "窗口一名女工作人员", "happened", "上月，区政务服务中心")),
                DEMO_REPORTER);
        UUID reported = as(() -> clues.list(null, ClueSource.PUBLIC_REPORT, null, null, null,
                null, new PageRequest(1, null, false)).items().getFirst().id());
        as(() -> clues.link(reported, ifMatch(reported), new SubjectsWrite(List.of(people.market()), List.of())));
        as(() -> clues.ask(reported, new QuestionWrite("请问您办理的是哪一类许可？是否记得办理的具体日期？")));
    }

    private UUID clue(String source, String channel, String title, String summary, List<UUID> units,
            List<UUID> officials, LocalDate receivedOn) {
        return as(() -> clues.register(steps.write(ClueWrite.class, Map.of("source", source, "channel", channel,
                "title", title, "summary", summary, "receivedOn", receivedOn.toString(),
                "unitIds", DemoSteps.ids(units), "officialIds", DemoSteps.ids(officials)))).id());
    }

    private void propose(UUID clue, String way, String reason) {
        as(() -> handling.propose(clue, ifMatch(clue), steps.write(ProposalWrite.class,
                Map.of("way", way, "reason", reason))));
    }

    /** Approved by another than the proposer: the admin, as a second member would. */
    private void approve(UUID clue) {
        steps.as("admin", Roles.ADMIN, () -> handling.decide(clue, ifMatch(clue), new ApprovalWrite(true, "同意。")));
    }

    private IfMatch ifMatch(UUID clue) {
        return IfMatch.required(EntityTags.of(as(() -> clues.get(clue)).version()));
    }

    private <T> T as(Supplier<T> work) {
        return steps.as("commission", Roles.COMMISSION, work);
    }
}
