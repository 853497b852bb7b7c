package org.zuofeng.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.concurrency.EntityTags;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.security.Roles;
import org.zuofeng.contacts.ContactService;
import org.zuofeng.contacts.ContactView;
import org.zuofeng.contacts.ContactWrite;
import org.zuofeng.contacts.ReviewWrite;
import org.zuofeng.demo.DemoPeople.People;
import org.zuofeng.duty.DutyListKind;
import org.zuofeng.duty.DutyListService;
import org.zuofeng.duty.DutyListView;
import org.zuofeng.duty.DutyListWrite;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 亲清 register: the market regulator publishes its power list; its deputy head (the dev user {@code official})
 * declares a meeting before the fact, which the commission accepts, and a banquet the business paid for, late, which
 * the commission questions; an admin declares the head's help with a registration the bureau grants; the street
 * head's visit to the same business, declared before it (by the dev user {@code officer}, whose account is his), makes
 * three officials within a month.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class DemoContacts {

    /** A construction company of the district (a made-up code, with its check character). */
    private static final String BUILDER = "91445202MA4W3K8R26";
    private static final String BUILDER_NAME = "榕城恒达建设工程有限公司";
    /** An individual business: a restaurant (registering authority 9, kind 2: 个体工商户). */
    private static final String RESTAURANT = "92445202MA52XH1N00";

    private final DemoSteps steps;
    private final ContactService contacts;
    private final DutyListService lists;

    DemoContacts(DemoSteps steps, ContactService contacts, DutyListService lists) {
        this.steps = steps;
        this.contacts = contacts;
        this.lists = lists;
    }

    void declare(People people, LocalDate today) {
        DutyListView power = steps.as("hr", Roles.HR, () -> lists.draft(people.market(), DutyListKind.POWER,
                steps.write(DutyListWrite.class, Map.of("effectiveFrom", today.minusMonths(6).toString(), "items",
                        List.of(Map.of("code", "SC-XK-03", "name", "食品经营许可", "basis", "《食品安全法》第三十五条",
                                        "responsibleRole", "行政审批科"),
                                Map.of("code", "SC-XK-07", "name", "特种设备使用登记", "basis", "《特种设备安全法》第三十三条",
                                        "responsibleRole", "特种设备安全监察科"))))));
        steps.as("commission", Roles.COMMISSION, () -> lists.publish(people.market(), DutyListKind.POWER, power.id(),
                IfMatch.required(EntityTags.of(power.version()))));

        ContactView meeting = steps.as(DemoDistrict.OFFICIAL, Roles.OFFICIAL, () -> contacts.declare(write(Map.of(
                "businessName", BUILDER_NAME, "creditCode", BUILDER, "kind", "MEETING",
                "occurredOn", today.plusDays(2).toString(), "place", "区市场监督管理局三楼会议室",
                "purpose", "企业申请特种设备使用登记前的政策咨询", "othersPresent", "特种设备安全监察科科长"))));
        review(meeting, "ACCEPTED", null);
        ContactView banquet = steps.as(DemoDistrict.OFFICIAL, Roles.OFFICIAL, () -> contacts.declare(write(Map.of(
                "businessName", "榕城潮味酒家", "creditCode", RESTAURANT, "kind", "MEAL",
                "occurredOn", today.minusDays(9).toString(), "place", "榕城潮味酒家包厢", "value", 860,
                "paidBy", "BUSINESS", "purpose", "同学聚会", "othersPresent", "企业负责人及其他同学共八人"))));
        review(banquet, "QUESTIONED", "请说明费用由谁支付、与企业有无管理服务关系，并补充说明逾期报备的原因。");
        steps.as("admin", Roles.ADMIN, () -> contacts.declare(write(Map.of(
                "officialId", people.marketHead().toString(), "businessName", BUILDER_NAME, "creditCode", BUILDER,
                "kind", "HELP", "occurredOn", today.minusDays(4).toString(), "place", "企业施工现场",
                "purpose", "协调塔吊使用登记办理进度", "powerItemCodes", List.of("SC-XK-07")))));
        steps.as(DemoDistrict.OFFICER, Roles.UNIT_OFFICER, () -> contacts.declare(write(Map.of(
                "officialId", people.streetHead().toString(), "businessName", BUILDER_NAME, "creditCode", BUILDER,
                "kind", "VISIT", "occurredOn", today.plusDays(3).toString(), "place", "东兴街道旧改项目工地",
                "purpose", "走访辖区重点项目，了解用工和安全生产情况"))));
    }

    private ContactWrite write(Map<String, Object> body) {
        return steps.write(ContactWrite.class, new HashMap<>(body));
    }

    private void review(ContactView declaration, String decision, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("decision", decision));
        if (reason != null) {
            body.put("reason", reason);
        }
        steps.as("commission", Roles.COMMISSION, () -> contacts.review(declaration.id(),
                IfMatch.required(EntityTags.of(declaration.version())), steps.write(ReviewWrite.class, body)));
    }
}
