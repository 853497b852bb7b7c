package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.time.Times;
import org.zuofeng.notice.NoticeService;
import org.zuofeng.notice.NoticeType;
import org.zuofeng.notice.NoticeView;
import org.zuofeng.notice.NoticeWrite;
import org.zuofeng.notice.Visibility;
import org.zuofeng.unit.Units;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Assessment schemes: weighted indicators that sum to 100, four strictly ordered grade bands, quotas, vote rules. */
@ApplicationScoped
@Transactional
public class SchemeService {

    public static final String ENTITY_TYPE = "assessment-scheme";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final Sorting<AssessmentScheme> SORTING = new Sorting<>("-createdAt",
            SortField.of("id", "id", s -> s.id, UUID.class),
            SortField.of("createdAt", "createdAt", s -> s.createdAt, Instant.class));

    private final SchemeRepository schemes;
    private final AssessmentRepository assessments;
    private final Units units;
    private final NoticeService notices;
    private final AuditTrail audit;
    private final KeysetPager pager;

    public SchemeService(SchemeRepository schemes, AssessmentRepository assessments, Units units,
            NoticeService notices, AuditTrail audit, KeysetPager pager) {
        this.schemes = schemes;
        this.assessments = assessments;
        this.units = units;
        this.notices = notices;
        this.audit = audit;
        this.pager = pager;
    }

    public SchemeView create(SchemeWrite write) {
        validate(write);
        AssessmentScheme scheme = new AssessmentScheme();
        apply(write, scheme);
        audit.stampCreated(scheme);
        schemes.persistAndFlush(scheme);
        SchemeView view = view(scheme, false);
        audit.record("CREATE", ENTITY_TYPE, scheme.id, null, view);
        return view;
    }

    public SchemeView get(UUID id) {
        AssessmentScheme scheme = find(id);
        return view(scheme, !schemes.frozen(List.of(id)).isEmpty());
    }

    /** Corrects a scheme nothing has been assessed by yet. */
    public SchemeView update(UUID id, IfMatch ifMatch, SchemeWrite write) {
        AssessmentScheme scheme = find(id);
        ifMatch.check(scheme.version);
        if (!schemes.frozen(List.of(id)).isEmpty()) {
            throw new ProblemException(ErrorCode.SCHEME_FROZEN, Text.of("assessment.schemeHasAssessments", id));
        }
        validate(write);
        SchemeView before = view(scheme, false);
        apply(write, scheme);
        audit.stampUpdated(scheme);
        schemes.flush();
        SchemeView after = view(scheme, false);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    public Page<SchemeView> list(Integer year, SubjectType subjectType, String sort, PageRequest page) {
        Filters filters = new Filters()
                .when(year, "year", "e.year = :year")
                .when(subjectType, "subjectType", "e.subjectType = :subjectType");
        Page<AssessmentScheme> found = pager.page(AssessmentScheme.class, filters, SORTING, sort, page);
        Set<UUID> frozen = schemes.frozen(found.items().stream().map(s -> s.id).toList());
        return found.map(s -> view(s, frozen.contains(s.id)));
    }

    /**
     * Drafts a situation bulletin listing every leadership team's final grade under the scheme, for the commission
     * to issue through the notices resource.
     */
    public NoticeView bulletin(UUID id) {
        AssessmentScheme scheme = find(id);
        List<Assessment> teams = assessments.list("schemeId", id);
        if (scheme.subjectType != SubjectType.LEADERSHIP_TEAM || teams.isEmpty()
                || teams.stream().anyMatch(a -> a.status != AssessmentStatus.FINAL)) {
            throw new ProblemException(ErrorCode.BULLETIN_NOT_READY,
                    Text.of("assessment.schemeLeadershipTeamSchemeWhose", id));
        }
        Map<UUID, String> names = units.names(teams.stream().map(a -> a.unitId).toList());
        List<Assessment> ranked = new ArrayList<>(teams);
        ranked.sort(Comparator.comparing((Assessment a) -> a.grade).thenComparing(a -> names.get(a.unitId)));
        StringBuilder body = new StringBuilder(scheme.year + "年度领导班子考核结果如下：\n\n| 单位 | 等次 | 得分 |\n|---|---|---|\n");
        ranked.forEach(a -> body.append("| ").append(names.get(a.unitId)).append(" | ").append(a.grade.zh())
                .append(" | ").append(a.totalScore.toPlainString()).append(" |\n"));
        return notices.create(new NoticeWrite(NoticeType.SITUATION_BULLETIN,
                scheme.year + "年度领导班子考核结果通报（" + scheme.name + "）", body.toString(),
                ranked.stream().map(a -> a.unitId).toList(), List.of(), List.of(), null, null, null,
                Visibility.INTERNAL, null));
    }

    AssessmentScheme find(UUID id) {
        return schemes.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("scheme", id));
    }

    private void validate(SchemeWrite write) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal weights = write.indicators().stream().map(SchemeParts.Indicator::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weights.compareTo(HUNDRED) != 0) {
            errors.add(FieldError.atPointer("/indicators", Text.of("field.weightsSumExactly",
                    weights.stripTrailingZeros().toPlainString())));
        }
        Set<String> codes = new HashSet<>();
        for (int n = 0; n < write.indicators().size(); n++) {
            if (!codes.add(write.indicators().get(n).code())) {
                errors.add(FieldError.atPointer("/indicators/" + n + "/code", Text.of("field.usedTwice")));
            }
        }
        EnumSet<Grade> grades = EnumSet.noneOf(Grade.class);
        write.gradeBands().forEach(b -> grades.add(b.grade()));
        if (grades.size() != Grade.values().length) {
            errors.add(FieldError.atPointer("/gradeBands", Text.of("field.giveEachFourGradesOnce")));
        } else {
            List<SchemeParts.GradeBand> ordered = write.gradeBands().stream()
                    .sorted(Comparator.comparing(SchemeParts.GradeBand::grade)).toList();
            for (int n = 1; n < ordered.size(); n++) {
                if (ordered.get(n).minScore().compareTo(ordered.get(n - 1).minScore()) >= 0) {
                    errors.add(FieldError.atPointer("/gradeBands", Text.of("field.minimumScoresFallStrictlyFrom")));
                    break;
                }
            }
            if (ordered.get(ordered.size() - 1).minScore().signum() != 0) {
                errors.add(FieldError.atPointer("/gradeBands", Text.of("field.incompetentStartAt")));
            }
        }
        if (write.subjectType() == SubjectType.VILLAGE_CADRE && write.voteRule() == null) {
            errors.add(FieldError.atPointer("/voteRule", Text.of("field.requiredVillageCadres")));
        } else if (write.subjectType() != SubjectType.VILLAGE_CADRE && write.voteRule() != null) {
            errors.add(FieldError.atPointer("/voteRule", Text.of("field.villageCadres")));
        } else if (write.voteRule() != null && write.voteRule().incompetentShare().numerator()
                > write.voteRule().incompetentShare().denominator()) {
            errors.add(FieldError.atPointer("/voteRule/incompetentShare", Text.of("field.atMostOne")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void apply(SchemeWrite write, AssessmentScheme scheme) {
        scheme.name = write.name();
        scheme.year = write.year();
        scheme.subjectType = write.subjectType();
        scheme.indicators = List.copyOf(write.indicators());
        scheme.gradeBands = write.gradeBands().stream().sorted(Comparator.comparing(SchemeParts.GradeBand::grade))
                .toList();
        scheme.excellentQuota = write.excellentQuota();
        scheme.voteNumerator = write.voteRule() == null ? null : write.voteRule().incompetentShare().numerator();
        scheme.voteDenominator = write.voteRule() == null ? null : write.voteRule().incompetentShare().denominator();
    }

    static SchemeView view(AssessmentScheme scheme, boolean frozen) {
        return new SchemeView(scheme.id, scheme.name, scheme.year, scheme.subjectType, scheme.indicators,
                scheme.gradeBands, scheme.excellentQuota, scheme.voteRule(), frozen, scheme.version,
                Times.toWire(scheme.createdAt), scheme.createdBy, Times.toWire(scheme.updatedAt), scheme.updatedBy);
    }
}
