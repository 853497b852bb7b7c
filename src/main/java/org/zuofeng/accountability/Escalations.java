package org.zuofeng.accountability;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.RunAs;
import org.zuofeng.common.security.Roles;
import org.zuofeng.common.statistics.Where;
import org.zuofeng.common.time.Times;
import org.zuofeng.finding.Findings;
import org.zuofeng.notice.NoticeService;
import org.zuofeng.notice.NoticeType;
import org.zuofeng.notice.NoticeWrite;
import org.zuofeng.notice.Notices;
import org.zuofeng.official.HeldPost;
import org.zuofeng.official.PostRole;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Pressing until it is fixed: a rectification notice still not accepted {@code talkAfter} past its deadline gets a
 * draft admonition talk summoning its units' principal and deputies in charge, for the commission to issue; past
 * {@code caseAfter}, leadership-responsibility cases against the deputies in charge (the principal where a unit has
 * none). Each stage happens once per notice, whichever replica runs it: the stage's row is claimed by an insert that
 * a second claim conflicts with, in the transaction that drafts. A notice accepted before the job reaches it is left
 * alone (its row is locked while it is looked at). Escalations are on the event feed and counted in the statistics.
 */
@ApplicationScoped
public class Escalations {

    static final String ENTITY_TYPE = "escalation";
    private static final Logger LOG = Logger.getLogger(Escalations.class);
    private static final int PAGE = 100;

    private final EntityManager em;
    private final Notices notices;
    private final NoticeService noticeService;
    private final CaseService cases;
    private final Leaders leaders;
    private final Findings findings;
    private final AuditTrail audit;
    private final RunAs runAs;
    private final EscalationConfig config;
    private final Clock clock;

    Escalations(EntityManager em, Notices notices, NoticeService noticeService, CaseService cases, Leaders leaders,
            Findings findings, AuditTrail audit, RunAs runAs, EscalationConfig config, Clock clock) {
        this.em = em;
        this.notices = notices;
        this.noticeService = noticeService;
        this.cases = cases;
        this.leaders = leaders;
        this.findings = findings;
        this.audit = audit;
        this.runAs = runAs;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${zuofeng.escalation.every:10m}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int made = escalate();
        if (made > 0) {
            LOG.infof("Escalated %d overdue rectification notice stage(s)", made);
        }
    }

    /** Makes every escalation due today; answers how many this run made. */
    public int escalate() {
        LocalDate today = LocalDate.now(clock);
        // The service itself drafts, with the rights an admin has: nothing it does is an admin's act.
        return runAs.call(Caller.SYSTEM, Set.of(Roles.ADMIN), () -> {
            int made = stage(EscalationStage.TALK, today.minus(config.talkAfter()), today);
            if (config.caseAfter().isPresent()) {
                made += stage(EscalationStage.CASE, today.minus(config.caseAfter().get()), today);
            }
            return made;
        });
    }

    private int stage(EscalationStage stage, LocalDate deadlineBefore, LocalDate today) {
        int made = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<Notices.Overdue> page = QuarkusTransaction.requiringNew().call(() -> notices.overdue(deadlineBefore,
                    from, PAGE, escalated(stage)));
            for (Notices.Overdue notice : page) {
                if (QuarkusTransaction.requiringNew().call(() -> escalate(notice, stage, today))) {
                    made++;
                }
            }
            if (page.size() < PAGE) {
                return made;
            }
            after = page.getLast().id();
        }
    }

    /** The notice {@code e} was escalated to {@code stage} already: left out of the candidates in their statement. */
    private static Where escalated(EscalationStage stage) {
        return Where.of("exists (select 1 from NoticeEscalation x where x.noticeId = e.id and x.stage = :stage)",
                Map.of("stage", stage));
    }

    /** One stage of one notice, in one transaction: claimed, drafted, on record; false when there is nothing to do. */
    private boolean escalate(Notices.Overdue notice, EscalationStage stage, LocalDate today) {
        if (!notices.lockIfOverdue(notice.id(), today)) {
            return false;
        }
        UUID id = Ids.newId();
        int claimed = em.createNativeQuery("""
                        insert into notice_escalations (id, notice_id, stage, escalated_at)
                        values (:id, :notice, :stage, :now) on conflict (notice_id, stage) do nothing""")
                .setParameter("id", id).setParameter("notice", notice.id()).setParameter("stage", stage.name())
                .setParameter("now", clock.instant()).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        NoticeEscalation escalation = em.find(NoticeEscalation.class, id);
        escalation.unitIds = notice.addresseeUnitIds().toArray(UUID[]::new);
        if (stage == EscalationStage.TALK) {
            escalation.talkId = noticeService.create(talk(notice)).id();
        } else {
            escalation.caseIds = leadershipCases(notice, today).toArray(UUID[]::new);
        }
        em.flush();
        audit.record("CREATE", ENTITY_TYPE, id, null, view(escalation));
        return true;
    }

    private static NoticeWrite talk(Notices.Overdue notice) {
        return new NoticeWrite(NoticeType.ADMONITION_TALK, "关于“" + notice.title() + "”逾期未整改的约谈",
                "《" + notice.title() + "》要求于" + notice.deadline() + "前整改到位，至今未获认可。根据规定，约谈被通知"
                        + "单位主要负责人和分管负责人，听取情况说明，督促限期整改。（系统依规自动起草，待委机关审定印发）",
                notice.addresseeUnitIds(), notice.findingIds(), List.of(), null, null, null, null, null);
    }

    /** A case for each deputy in charge of each addressed unit, or its principal where it has none. */
    private List<UUID> leadershipCases(Notices.Overdue notice, LocalDate today) {
        Map<UUID, UUID> unitOfFinding = findings.unitsOf(notice.findingIds());
        List<UUID> opened = new ArrayList<>();
        for (UUID unit : notice.addresseeUnitIds()) {
            List<HeldPost> held = leaders.of(unit, today);
            List<HeldPost> deputies = held.stream().filter(p -> p.role() == PostRole.DEPUTY_IN_CHARGE).toList();
            List<HeldPost> answering = deputies.isEmpty() ? held.stream()
                    .filter(p -> p.role() == PostRole.PRINCIPAL || p.role() == PostRole.ACTING_PRINCIPAL).toList()
                    : deputies;
            List<UUID> unitFindings = notice.findingIds().stream().filter(f -> unit.equals(unitOfFinding.get(f)))
                    .toList();
            for (HeldPost leader : answering) {
                opened.add(cases.create(new CaseWrite(leader.officialId(), unit, CaseKind.LEADERSHIP_RESPONSIBILITY,
                        today, unitFindings, notice.id(), "整改通知《" + notice.title() + "》逾期未整改到位，"
                        + (deputies.isEmpty() ? "单位无分管负责人，对主要负责人" : "对分管负责人")
                        + "启动领导责任问责程序。（系统依规自动立案，待委机关审查决定或免予追究）", null)).id());
            }
        }
        return opened;
    }

    static EscalationView view(NoticeEscalation e) {
        return new EscalationView(e.id, e.noticeId, e.stage, Times.toWire(e.escalatedAt), Arrays.asList(e.unitIds),
                e.talkId, Arrays.asList(e.caseIds));
    }
}
