package org.zuofeng.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;
import org.zuofeng.accountability.CaseDecisions;
import org.zuofeng.accountability.CaseService;
import org.zuofeng.accountability.CaseWrite;
import org.zuofeng.accountability.DecisionWrite;
import org.zuofeng.assessment.AssessmentLifecycle;
import org.zuofeng.assessment.AssessmentService;
import org.zuofeng.assessment.AssessmentWrite;
import org.zuofeng.assessment.SchemeService;
import org.zuofeng.assessment.SchemeWrite;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.config.ZuofengConfig;
import org.zuofeng.common.security.Roles;
import org.zuofeng.common.security.RunAs;
import org.zuofeng.common.time.Times;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.web.ContentDigest;
import org.zuofeng.evidence.EvidenceService;
import org.zuofeng.evidence.EvidenceUpload;
import org.zuofeng.evidence.EvidenceUploads;
import org.zuofeng.finding.FindingService;
import org.zuofeng.finding.FindingWrite;
import org.zuofeng.inspection.InspectionService;
import org.zuofeng.inspection.InspectionWrite;
import org.zuofeng.notice.NoticeLifecycle;
import org.zuofeng.notice.NoticeService;
import org.zuofeng.notice.NoticeWrite;
import org.zuofeng.official.OfficialService;
import org.zuofeng.official.OfficialWrite;
import org.zuofeng.official.PostService;
import org.zuofeng.official.PostWrite;
import org.zuofeng.unit.UnitService;
import org.zuofeng.unit.UnitWrite;
import org.zuofeng.unit.Units;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The demo district: 榕城区 with two sub-districts and their villages, officials and their posts, a completed open
 * inspection with findings and a photo, a covert visit still under way, a situation bulletin, a rectification
 * notice, a decided accountability case, and a year's assessments. Created once, on the first start in dev mode
 * ({@code zuofeng.demo.enabled}, never in production), in one transaction through the services the API calls, each
 * step as the role that would take it (the dev OIDC server's users: {@code admin}, {@code hr}, {@code commission},
 * {@code inspector}, and {@code officer}, the principal of 东兴街道).
 */
@ApplicationScoped
public class DemoDistrict {

    /** The district's unit code: present means the demo was created. */
    public static final String CODE = "RCQ";
    /** The dev OIDC server's unit officer, linked to the principal of 东兴街道. */
    public static final String OFFICER = "officer";
    /** The dev OIDC server's inspector, who leads the demo's inspections. */
    public static final String INSPECTOR = "inspector";

    private static final Logger LOG = Logger.getLogger(DemoDistrict.class);

    private final ZuofengConfig config;
    private final RunAs runAs;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;
    private final Units units;
    private final UnitService unitService;
    private final OfficialService officials;
    private final PostService posts;
    private final InspectionService inspections;
    private final FindingService findings;
    private final EvidenceUploads evidence;
    private final NoticeService notices;
    private final NoticeLifecycle noticeSteps;
    private final CaseService cases;
    private final CaseDecisions decisions;
    private final SchemeService schemes;
    private final AssessmentService assessments;
    private final AssessmentLifecycle assessmentSteps;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public DemoDistrict(ZuofengConfig config, RunAs runAs, ObjectMapper json, Validator validator, Clock clock,
            Units units, UnitService unitService, OfficialService officials, PostService posts,
            InspectionService inspections, FindingService findings, EvidenceUploads evidence, NoticeService notices,
            NoticeLifecycle noticeSteps, CaseService cases, CaseDecisions decisions, SchemeService schemes,
            AssessmentService assessments, AssessmentLifecycle assessmentSteps) {
        this.config = config;
        this.runAs = runAs;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
        this.units = units;
        this.unitService = unitService;
        this.officials = officials;
        this.posts = posts;
        this.inspections = inspections;
        this.findings = findings;
        this.evidence = evidence;
        this.notices = notices;
        this.noticeSteps = noticeSteps;
        this.cases = cases;
        this.decisions = decisions;
        this.schemes = schemes;
        this.assessments = assessments;
        this.assessmentSteps = assessmentSteps;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("zuofeng.demo.enabled is ignored in production: the demo district is for dev mode only");
            return;
        }
        try {
            if (createIfAbsent()) {
                LOG.info("Created the demo district 榕城区 (unit code " + CODE + "); set ZUOFENG_DEMO_ENABLED=false "
                        + "to start without it");
            }
        } catch (RuntimeException e) {
            // The service starts anyway, on what the database holds.
            LOG.error("The demo district could not be created in full; to have it made again, stop, delete the dev "
                    + "database (" + config.devDatabase().dataDirectory() + ") and start", e);
        }
    }

    /** Creates the demo district unless it is there; answers whether it did. */
    public boolean createIfAbsent() {
        if (runAs.call("demo", Set.of(Roles.ADMIN), () -> units.findByCode(CODE).isPresent())) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        Demo demo = QuarkusTransaction.requiringNew().call(() -> peopleAndFindings(today));
        // The photo goes in as the upload endpoint takes it: streamed to the store, kept in transactions of its own.
        byte[] photo = photo();
        as(INSPECTOR, Roles.INSPECTOR, () -> evidence.upload(EvidenceService.Owner.finding(demo.photographed()),
                EvidenceUpload.of(new ByteArrayInputStream(photo), "image/jpeg", (long) photo.length,
                        ContentDigest.of(photo),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(today.minusDays(2).atTime(9, 38)
                                .atZone(Times.ZONE)), "窗口无人.jpg")));
        QuarkusTransaction.requiringNew().run(() -> casesNoticesAndAssessments(demo, today));
        return true;
    }

    /** What the second part of the demo builds on. */
    private record Demo(UUID district, UUID market, UUID marketHead, UUID dongxingVillage, UUID xinxing, UUID meiyuan,
            UUID streetHead, UUID secretary, UUID cadre, UUID open, UUID photographed) {
    }

    private Demo peopleAndFindings(LocalDate today) {
        LocalDate appointed = today.withDayOfYear(1).minusYears(2);

        UUID district = as("admin", Roles.ADMIN, () -> unitService.create(write(UnitWrite.class,
                Map.of("code", CODE, "name", "榕城区", "type", "DISTRICT"))).id());
        UUID market = unit(district, "RCQ-SCJG", "区市场监督管理局", "AGENCY");
        UUID dongxing = unit(district, "RCQ-DX", "东兴街道", "SUBDISTRICT");
        UUID zhongshan = unit(district, "RCQ-ZS", "中山街道", "SUBDISTRICT");
        UUID dongxingVillage = unit(dongxing, "RCQ-DX-01", "东兴村委会", "VILLAGE_COMMITTEE");
        UUID xinxing = unit(dongxing, "RCQ-DX-02", "新兴村委会", "VILLAGE_COMMITTEE");
        UUID meiyuan = unit(zhongshan, "RCQ-ZS-01", "梅园社区居委会", "RESIDENTS_COMMITTEE");

        UUID streetHead = official("林志强", "MALE", "1975-03-12", OFFICER, dongxing, "PRINCIPAL", "街道党工委书记",
                null, appointed);
        official("陈丽华", "FEMALE", "1980-07-21", null, dongxing, "DEPUTY_IN_CHARGE", "街道办事处副主任",
                "营商环境", appointed);
        UUID marketHead = official("黄建国", "MALE", "1972-11-02", null, market, "PRINCIPAL", "局长", null, appointed);
        official("吴海燕", "FEMALE", "1986-05-09", null, market, "STAFF", "窗口办事员", null, appointed);
        UUID secretary = official("郑国平", "MALE", "1968-09-30", null, dongxingVillage, "PRINCIPAL", "村党支部书记",
                null, appointed);
        UUID cadre = official("许文斌", "MALE", "1983-01-17", null, dongxingVillage, "TWO_COMMITTEES_MEMBER",
                "村委会委员", null, appointed);
        official("蔡美玲", "FEMALE", "1979-12-05", null, xinxing, "PRINCIPAL", "村党支部书记", null, appointed);
        official("王志明", "MALE", "1977-04-26", null, meiyuan, "PRINCIPAL", "社区党委书记", null, appointed);

        // An open inspection of the market bureau and 东兴街道, completed, with two findings and a photo.
        UUID open = inspection("OPEN", today.getYear() + "年作风效能明查", List.of(market, dongxing, dongxingVillage),
                today);
        UUID absent = finding(open, market, List.of(marketHead), "MISCONDUCT", List.of("LAXITY"), "MODERATE",
                "办事窗口工作时间无人值守", today.minusDays(2));
        finding(open, dongxingVillage, List.of(cadre), "INACTION", List.of("LAZINESS"), "MINOR",
                "村务公开栏内容逾期未更新", today.minusDays(2));
        return new Demo(district, market, marketHead, dongxingVillage, xinxing, meiyuan, streetHead, secretary, cadre,
                open, absent);
    }

    private void casesNoticesAndAssessments(Demo demo, LocalDate today) {
        UUID district = demo.district();
        UUID market = demo.market();
        UUID marketHead = demo.marketHead();
        UUID dongxingVillage = demo.dongxingVillage();
        UUID cadre = demo.cadre();
        transition(INSPECTOR, Roles.INSPECTOR, demo.open(), Map.of("to", "COMPLETED", "summary", "发现问题2个，已移交"),
                current -> inspections.get(current).version(), inspections::transition);

        // A covert visit still under way: invisible to the units it targets until it is completed.
        UUID covert = inspection("COVERT", "窗口单位作风暗访", List.of(demo.xinxing(), demo.meiyuan()), today);
        finding(covert, demo.xinxing(), List.of(), "SLOW_ACTION", List.of("MEDIOCRITY"), "MINOR", "群众办事多次往返未办结",
                today.minusDays(1));

        // Notices: a numbered situation bulletin and a rectification notice with its deadline.
        notice("SITUATION_BULLETIN", "关于" + today.getYear() + "年作风效能明查情况的通报",
                "经明查，区市场监督管理局办事窗口工作时间无人值守，现予通报。", List.of(district), null);
        notice("RECTIFICATION_NOTICE", "关于东兴村委会村务公开问题的整改通知",
                "请于期限内完成村务公开栏更新，并报送整改报告。", List.of(dongxingVillage), today.plusDays(30));

        // One case, two investigations (一案双查): the violation opens the leaders' cases; it is decided.
        UUID violation = as("commission", Roles.COMMISSION, () -> cases.create(write(CaseWrite.class, Map.of(
                "subjectOfficialId", marketHead.toString(), "unitId", market.toString(), "kind", "VIOLATION",
                "occurredOn", today.minusDays(2).toString(), "summary", "办事窗口工作时间无人值守，负有领导责任。")))
                .id());
        as("commission", Roles.COMMISSION, () -> decisions.decide(violation, write(DecisionWrite.class, Map.of(
                "measures", List.of("ADMONISHMENT_TALK"), "decidedOn", today.minusDays(1).toString(),
                "basis", "《中国共产党问责条例》第七条"))));

        // Last year's assessments: an official's in public notice, a village cadre's public review final at once.
        int year = today.getYear() - 1;
        UUID officialScheme = scheme("OFFICIAL", year + "年度公务员考核", year);
        UUID villageScheme = scheme("VILLAGE_CADRE", year + "年度村（社区）干部勤廉双述", year);
        UUID review = assessment(villageScheme, cadre, 8, 15, Map.of("meetingDate", today.minusDays(3).toString(),
                "diligenceReport", "一年来，牵头完成村道硬化……", "integrityReport", "严格遵守廉洁纪律……",
                "attendance", 45, "votes", Map.of("EXCELLENT", 6, "COMPETENT", 30, "BASICALLY_COMPETENT", 6,
                        "INCOMPETENT", 3, "invalid", 0)));
        transition("hr", Roles.HR, review, Map.of("to", "FINAL"), current -> assessments.get(current).version(),
                assessmentSteps::transition);
        UUID graded = assessment(officialScheme, demo.streetHead(), 9, 18, null);
        transition("hr", Roles.HR, graded, Map.of("to", "PUBLIC_NOTICE"),
                current -> assessments.get(current).version(), assessmentSteps::transition);
        assessment(officialScheme, demo.secretary(), 7, 14, null);
    }

    private UUID unit(UUID parent, String code, String name, String type) {
        return as("admin", Roles.ADMIN, () -> unitService.create(write(UnitWrite.class,
                Map.of("code", code, "name", name, "type", type, "parentId", parent.toString()))).id());
    }

    private UUID official(String name, String gender, String birthDate, String account, UUID unit, String role,
            String title, String responsibility, LocalDate from) {
        Map<String, Object> person = new LinkedHashMap<>(Map.of("name", name, "gender", gender, "birthDate",
                birthDate, "idNumber", idNumber("445202", LocalDate.parse(birthDate), name.hashCode()), "phone",
                "1380000" + String.format("%04d", Math.floorMod(name.hashCode(), 10_000)), "partyMember", true));
        if (account != null) {
            person.put("accountSubject", account);
        }
        UUID id = as("hr", Roles.HR, () -> officials.create(write(OfficialWrite.class, person)).id());
        Map<String, Object> post = new LinkedHashMap<>(Map.of("unitId", unit.toString(), "role", role, "title", title,
                "startDate", from.toString()));
        if (responsibility != null) {
            post.put("responsibility", responsibility);
        }
        as("hr", Roles.HR, () -> posts.create(id, write(PostWrite.class, post)));
        return id;
    }

    private UUID inspection(String type, String title, List<UUID> targets, LocalDate today) {
        UUID id = as("commission", Roles.COMMISSION, () -> inspections.create(write(InspectionWrite.class, Map.of(
                "type", type, "title", title, "plannedStart", today.minusDays(3).toString(),
                "plannedEnd", today.plusDays(4).toString(), "targetUnitIds", ids(targets),
                "team", List.of(Map.of("subject", INSPECTOR, "name", "检查组长", "lead", true)))))
                .view().id());
        transition(INSPECTOR, Roles.INSPECTOR, id, Map.of("to", "IN_PROGRESS"),
                current -> inspections.get(current).version(), inspections::transition);
        return id;
    }

    private UUID finding(UUID inspection, UUID unit, List<UUID> involved, String category, List<String> defects,
            String severity, String title, LocalDate on) {
        return as(INSPECTOR, Roles.INSPECTOR, () -> findings.create(inspection, write(FindingWrite.class, Map.of(
                "unitId", unit.toString(), "officialIds", ids(involved), "category", category, "defects", defects,
                "severity", severity, "title", title,
                "observedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(on.atTime(9, 40).atZone(Times.ZONE)))))
                .view().id());
    }

    private void notice(String type, String title, String body, List<UUID> addressees, LocalDate deadline) {
        Map<String, Object> notice = new LinkedHashMap<>(Map.of("type", type, "title", title, "body", body,
                "addresseeUnitIds", ids(addressees)));
        if (deadline != null) {
            notice.put("deadline", deadline.toString());
        }
        UUID id = as("commission", Roles.COMMISSION, () -> notices.create(write(NoticeWrite.class, notice)).id());
        transition("commission", Roles.COMMISSION, id, Map.of("to", "ISSUED"),
                current -> notices.get(current).version(), noticeSteps::transition);
    }

    private UUID scheme(String subjectType, String name, int year) {
        Map<String, Object> scheme = new LinkedHashMap<>(Map.of("name", name, "year", year, "subjectType",
                subjectType, "excellentQuota", 0.15,
                "indicators", List.of(Map.of("code", "DUTY", "name", "履职尽责", "weight", 40, "maxScore", 10),
                        Map.of("code", "RESULT", "name", "工作实绩", "weight", 60, "maxScore", 20)),
                "gradeBands", List.of(Map.of("grade", "EXCELLENT", "minScore", 90),
                        Map.of("grade", "COMPETENT", "minScore", 70),
                        Map.of("grade", "BASICALLY_COMPETENT", "minScore", 60),
                        Map.of("grade", "INCOMPETENT", "minScore", 0))));
        if (subjectType.equals("VILLAGE_CADRE")) {
            scheme.put("voteRule", Map.of("incompetentShare", Map.of("numerator", 1, "denominator", 3)));
        }
        return as("hr", Roles.HR, () -> schemes.create(write(SchemeWrite.class, scheme)).id());
    }

    private UUID assessment(UUID scheme, UUID official, int duty, int result, Map<String, Object> review) {
        Map<String, Object> assessment = new LinkedHashMap<>(Map.of("schemeId", scheme.toString(), "officialId",
                official.toString(), "scores", List.of(Map.of("indicatorCode", "DUTY", "score", duty),
                        Map.of("indicatorCode", "RESULT", "score", result))));
        if (review != null) {
            assessment.put("publicReview", review);
        }
        return as("hr", Roles.HR, () -> assessments.create(write(AssessmentWrite.class, assessment)).id());
    }

    /** A step of a record's lifecycle, from its current version, as {@code subject}. */
    private void transition(String subject, String role, UUID id, Map<String, Object> step,
            ToLongFunction<UUID> version, Step transition) {
        as(subject, role, () -> transition.apply(id, IfMatch.required("\"" + version.applyAsLong(id) + "\""),
                write(TransitionRequest.class, step)));
    }

    /** A lifecycle step of one kind of record. */
    @FunctionalInterface
    private interface Step {
        Object apply(UUID id, IfMatch ifMatch, TransitionRequest request);
    }

    private <T> T as(String subject, String role, Supplier<T> work) {
        return runAs.call(subject, Set.of(role), work);
    }

    /** A request body, read and validated as the API reads it. */
    private <T> T write(Class<T> type, Map<String, Object> body) {
        T value = json.convertValue(body, type);
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The demo's " + type.getSimpleName() + " is invalid: " + violations
                    .stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
        }
        return value;
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    /** A valid resident ID number (GB 11643) for the demo's people: region, birth date, sequence, check digit. */
    private static String idNumber(String region, LocalDate birthDate, int seed) {
        String body = region + birthDate.toString().replace("-", "") + String.format("%03d", Math.floorMod(seed, 1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A small photograph (a real JPEG, as the evidence store sniffs it). */
    private static byte[] photo() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x8a, 0x9b, 0xa8));
        graphics.fillRect(0, 0, 64, 48);
        graphics.setColor(new Color(0x5b, 0x3a, 0x29));
        graphics.fillRect(12, 20, 40, 20);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
