package org.zuofeng.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.security.Roles;
import org.zuofeng.official.OfficialService;
import org.zuofeng.official.OfficialWrite;
import org.zuofeng.official.PostService;
import org.zuofeng.official.PostWrite;
import org.zuofeng.unit.UnitService;
import org.zuofeng.unit.UnitWrite;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The district's units and people: 榕城区, its market bureau, 东兴街道 with two villages, 中山街道 with a residents'
 * committee, and nine officials with their posts (HR's work); the dev user {@code officer} is 东兴街道's principal.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class DemoPeople {

    /** The units and officials the rest of the demo builds on. */
    record People(UUID district, UUID market, UUID marketClerk, UUID dongxing, UUID dongxingVillage, UUID xinxing,
            UUID meiyuan, UUID streetHead, UUID secretary, UUID cadre, UUID marketHead, UUID marketDeputy) {
    }

    private final DemoSteps steps;
    private final UnitService units;
    private final OfficialService officials;
    private final PostService posts;

    DemoPeople(DemoSteps steps, UnitService units, OfficialService officials, PostService posts) {
        this.steps = steps;
        this.units = units;
        this.officials = officials;
        this.posts = posts;
    }

    People create(LocalDate today) {
        LocalDate appointed = today.withDayOfYear(1).minusYears(2);
        UUID district = steps.as("admin", Roles.ADMIN, () -> units.create(steps.write(UnitWrite.class,
                Map.of("code", DemoDistrict.CODE, "name", "榕城区", "type", "DISTRICT"))).id());
        UUID market = unit(district, "RCQ-SCJG", "区市场监督管理局", "AGENCY");
        UUID dongxing = unit(district, "RCQ-DX", "东兴街道", "SUBDISTRICT");
        UUID zhongshan = unit(district, "RCQ-ZS", "中山街道", "SUBDISTRICT");
        UUID dongxingVillage = unit(dongxing, "RCQ-DX-01", "东兴村委会", "VILLAGE_COMMITTEE");
        UUID xinxing = unit(dongxing, "RCQ-DX-02", "新兴村委会", "VILLAGE_COMMITTEE");
        UUID meiyuan = unit(zhongshan, "RCQ-ZS-01", "梅园社区居委会", "RESIDENTS_COMMITTEE");

        UUID streetHead = official("林志强", "MALE", "1975-03-12", DemoDistrict.OFFICER, dongxing, "PRINCIPAL",
                "街道党工委书记", null, appointed);
        official("陈丽华", "FEMALE", "1980-07-21", null, dongxing, "DEPUTY_IN_CHARGE", "街道办事处副主任",
                "营商环境", appointed);
        UUID marketHead = official("黄建国", "MALE", "1972-11-02", null, market, "PRINCIPAL", "局长", null, appointed);
        UUID marketDeputy = official("刘建平", "MALE", "1978-08-15", DemoDistrict.OFFICIAL, market, "DEPUTY_IN_CHARGE",
                "副局长", "政务服务", appointed);
        UUID marketClerk = official("吴海燕", "FEMALE", "1986-05-09", null, market, "STAFF", "窗口办事员", null,
                appointed);
        UUID secretary = official("郑国平", "MALE", "1968-09-30", null, dongxingVillage, "PRINCIPAL", "村党支部书记",
                null, appointed);
        UUID cadre = official("许文斌", "MALE", "1983-01-17", null, dongxingVillage, "TWO_COMMITTEES_MEMBER",
                "村委会委员", null, appointed);
        official("蔡美玲", "FEMALE", "1979-12-05", null, xinxing, "PRINCIPAL", "村党支部书记", null, appointed);
        official("王志明", "MALE", "1977-04-26", null, meiyuan, "PRINCIPAL", "社区党委书记", null, appointed);
        return new People(district, market, marketClerk, dongxing, dongxingVillage, xinxing, meiyuan, streetHead,
                secretary, cadre, marketHead, marketDeputy);
    }

    private UUID unit(UUID parent, String code, String name, String type) {
        return steps.as("admin", Roles.ADMIN, () -> units.create(steps.write(UnitWrite.class,
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
        UUID id = steps.as("hr", Roles.HR, () -> officials.create(steps.write(OfficialWrite.class, person)).id());
        Map<String, Object> post = new LinkedHashMap<>(Map.of("unitId", unit.toString(), "role", role, "title", title,
                "startDate", from.toString()));
        if (responsibility != null) {
            post.put("responsibility", responsibility);
        }
        steps.as("hr", Roles.HR, () -> posts.create(id, steps.write(PostWrite.class, post)));
        return id;
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
}
