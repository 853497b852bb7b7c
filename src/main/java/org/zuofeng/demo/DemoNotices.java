package org.zuofeng.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.security.Roles;
import org.zuofeng.demo.DemoPeople.People;
import org.zuofeng.notice.NoticeLifecycle;
import org.zuofeng.notice.NoticeService;
import org.zuofeng.notice.NoticeWrite;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The commission's notices: a numbered situation bulletin, and a rectification notice with its deadline. */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class DemoNotices {

    private final DemoSteps steps;
    private final NoticeService notices;
    private final NoticeLifecycle lifecycle;

    DemoNotices(DemoSteps steps, NoticeService notices, NoticeLifecycle lifecycle) {
        this.steps = steps;
        this.notices = notices;
        this.lifecycle = lifecycle;
    }

    void issue(People people, LocalDate today) {
        notice("SITUATION_BULLETIN", "关于" + today.getYear() + "年作风效能明查情况的通报",
                "经明查，区市场监督管理局办事窗口工作时间无人值守，现予通报。", List.of(people.district()), null);
        notice("RECTIFICATION_NOTICE", "关于东兴村委会村务公开问题的整改通知",
                "请于期限内完成村务公开栏更新，并报送整改报告。", List.of(people.dongxingVillage()), today.plusDays(30));
    }

    private void notice(String type, String title, String body, List<UUID> addressees, LocalDate deadline) {
        Map<String, Object> notice = new LinkedHashMap<>(Map.of("type", type, "title", title, "body", body,
                "addresseeUnitIds", DemoSteps.ids(addressees)));
        if (deadline != null) {
            notice.put("deadline", deadline.toString());
        }
        UUID id = steps.as("commission", Roles.COMMISSION, () -> notices.create(steps.write(NoticeWrite.class,
                notice)).id());
        steps.transition("commission", Roles.COMMISSION, id, Map.of("to", "ISSUED"),
                current -> notices.get(current).version(), lifecycle::transition);
    }
}
