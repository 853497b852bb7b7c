package org.zuofeng.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.assessment.AssessmentLifecycle;
import org.zuofeng.assessment.AssessmentService;
import org.zuofeng.assessment.AssessmentWrite;
import org.zuofeng.assessment.SchemeService;
import org.zuofeng.assessment.SchemeWrite;
import org.zuofeng.common.security.Roles;
import org.zuofeng.demo.DemoPeople.People;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Last year's assessments (HR's work): a village cadre's public review (勤廉双述), final at once; an official's
 * result in public notice (公示); another still a draft.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class DemoAssessments {

    private final DemoSteps steps;
    private final SchemeService schemes;
    private final AssessmentService assessments;
    private final AssessmentLifecycle lifecycle;

    DemoAssessments(DemoSteps steps, SchemeService schemes, AssessmentService assessments,
            AssessmentLifecycle lifecycle) {
        this.steps = steps;
        this.schemes = schemes;
        this.assessments = assessments;
        this.lifecycle = lifecycle;
    }

    void assess(People people, LocalDate today) {
        int year = today.getYear() - 1;
        UUID officialScheme = scheme("OFFICIAL", year + "年度公务员考核", year);
        UUID villageScheme = scheme("VILLAGE_CADRE", year + "年度村（社区）干部勤廉双述", year);
        UUID review = assessment(villageScheme, people.cadre(), 8, 15, Map.of(
                "meetingDate", today.minusDays(3).toString(),
                "diligenceReport", "一年来，牵头完成村道硬化……", "integrityReport", "严格遵守廉洁纪律……",
                "attendance", 45, "votes", Map.of("EXCELLENT", 6, "COMPETENT", 30, "BASICALLY_COMPETENT", 6,
                        "INCOMPETENT", 3, "invalid", 0)));
        steps.transition("hr", Roles.HR, review, Map.of("to", "FINAL"), current -> assessments.get(current).version(),
                lifecycle::transition);
        UUID graded = assessment(officialScheme, people.streetHead(), 9, 18, null);
        steps.transition("hr", Roles.HR, graded, Map.of("to", "PUBLIC_NOTICE"),
                current -> assessments.get(current).version(), lifecycle::transition);
        assessment(officialScheme, people.secretary(), 7, 14, null);
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
        return steps.as("hr", Roles.HR, () -> schemes.create(steps.write(SchemeWrite.class, scheme)).id());
    }

    private UUID assessment(UUID scheme, UUID official, int duty, int result, Map<String, Object> review) {
        Map<String, Object> assessment = new LinkedHashMap<>(Map.of("schemeId", scheme.toString(), "officialId",
                official.toString(), "scores", List.of(Map.of("indicatorCode", "DUTY", "score", duty),
                        Map.of("indicatorCode", "RESULT", "score", result))));
        if (review != null) {
            assessment.put("publicReview", review);
        }
        return steps.as("hr", Roles.HR, () -> assessments.create(steps.write(AssessmentWrite.class, assessment))
                .id());
    }
}
