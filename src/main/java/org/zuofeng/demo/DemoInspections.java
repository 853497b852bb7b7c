package org.zuofeng.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.security.Roles;
import org.zuofeng.common.web.ContentDigest;
import org.zuofeng.demo.DemoPeople.People;
import org.zuofeng.evidence.EvidenceService;
import org.zuofeng.evidence.EvidenceUpload;
import org.zuofeng.evidence.EvidenceUploads;
import org.zuofeng.finding.FindingService;
import org.zuofeng.finding.FindingWrite;
import org.zuofeng.inspection.InspectionService;
import org.zuofeng.inspection.InspectionWrite;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * The district's inspections, led by the dev user {@code inspector}: an open inspection of the market bureau and
 * 东兴街道 with two findings and a photo, completed; a covert visit to 新兴村 and 梅园社区 still under way.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class DemoInspections {

    /** The open inspection, and the finding its photo shows. */
    record OpenInspection(UUID id, UUID photographed) {
    }

    private final DemoSteps steps;
    private final InspectionService inspections;
    private final FindingService findings;
    private final EvidenceUploads evidence;

    DemoInspections(DemoSteps steps, InspectionService inspections, FindingService findings,
            EvidenceUploads evidence) {
        this.steps = steps;
        this.inspections = inspections;
        this.findings = findings;
        this.evidence = evidence;
    }

    /** The open inspection under way, with its two findings. */
    OpenInspection open(People people, LocalDate today) {
        UUID open = inspection("OPEN", today.getYear() + "年作风效能明查",
                List.of(people.market(), people.dongxing(), people.dongxingVillage()), today);
        UUID absent = finding(open, people.market(), List.of(people.marketClerk()), "MISCONDUCT", List.of("LAXITY"),
                "MODERATE", "办事窗口工作时间无人值守", today.minusDays(2));
        finding(open, people.dongxingVillage(), List.of(people.cadre()), "INACTION", List.of("LAZINESS"), "MINOR",
                "村务公开栏内容逾期未更新", today.minusDays(2));
        return new OpenInspection(open, absent);
    }

    /**
     * The photo, as the upload endpoint takes it: streamed to the store, kept in transactions of its own (so never
     * inside the demo's).
     */
    void photograph(OpenInspection open, LocalDate today) {
        byte[] photo = photo();
        steps.as(DemoDistrict.INSPECTOR, Roles.INSPECTOR, () -> evidence.upload(
                EvidenceService.Owner.finding(open.photographed()), EvidenceUpload.of(new ByteArrayInputStream(photo),
                        "image/jpeg", (long) photo.length, ContentDigest.of(photo),
                        DemoSteps.at(today.minusDays(2), 9, 38), "窗口无人.jpg", null)));
    }

    /** The open inspection completed; the covert visit begun, invisible to its targets until it is completed. */
    void completeAndVisitCovertly(People people, OpenInspection open, LocalDate today) {
        steps.transition(DemoDistrict.INSPECTOR, Roles.INSPECTOR, open.id(), Map.of("to", "COMPLETED", "summary",
                "发现问题2个，已移交"), current -> inspections.get(current).version(), inspections::transition);
        UUID covert = inspection("COVERT", "窗口单位作风暗访", List.of(people.xinxing(), people.meiyuan()), today);
        finding(covert, people.xinxing(), List.of(), "SLOW_ACTION", List.of("MEDIOCRITY"), "MINOR", "群众办事多次往返未办结",
                today.minusDays(1));
    }

    private UUID inspection(String type, String title, List<UUID> targets, LocalDate today) {
        UUID id = steps.as("commission", Roles.COMMISSION, () -> inspections.create(steps.write(
                InspectionWrite.class, Map.of("type", type, "title", title,
                        "plannedStart", today.minusDays(3).toString(), "plannedEnd", today.plusDays(4).toString(),
                        "targetUnitIds", DemoSteps.ids(targets),
                        "team", List.of(Map.of("subject", DemoDistrict.INSPECTOR, "name", "检查组长", "lead", true)))))
                .view().id());
        steps.transition(DemoDistrict.INSPECTOR, Roles.INSPECTOR, id, Map.of("to", "IN_PROGRESS"),
                current -> inspections.get(current).version(), inspections::transition);
        return id;
    }

    private UUID finding(UUID inspection, UUID unit, List<UUID> involved, String category, List<String> defects,
            String severity, String title, LocalDate on) {
        return steps.as(DemoDistrict.INSPECTOR, Roles.INSPECTOR, () -> findings.create(inspection, steps.write(
                FindingWrite.class, Map.of("unitId", unit.toString(), "officialIds", DemoSteps.ids(involved),
                        "category", category, "defects", defects, "severity", severity, "title", title,
                        "observedAt", DemoSteps.at(on, 9, 40)))).view().id());
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
