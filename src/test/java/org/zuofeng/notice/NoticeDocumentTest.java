package org.zuofeng.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Moments;
import org.zuofeng.support.Pdf;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.zuofeng.support.Api.as;

/** Every issued notice is a formal document (公文): A4, in Chinese, numbered, paginated, the same bytes every time. */
@QuarkusTest
class NoticeDocumentTest {

    private static final String NOTICES = "/api/v1/supervision-notices";
    private static final String ORGAN = "中共榕城区纪律检查委员会";

    /** A body long enough for two pages, in Markdown. */
    private static final String BODY = "## 一、存在的问题\n\n" + "2026年3月，区纪委监委组织暗访组对窗口单位作风效能情况进行明查暗访，"
            + "发现部分工作人员**上班时间脱岗**、玩手机、办事拖沓。\n\n".repeat(8)
            + "## 二、整改要求\n\n1. 立即组织全体干部职工学习作风效能规定；\n2. 对涉及人员进行批评教育；\n"
            + "3. 建立健全考勤制度，并将整改情况书面报告区纪委监委。\n";

    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    @Test
    void anIssuedRectificationNoticeIsAnA4DocumentInChineseWithItsNumberDeadlineAndPageNumbers() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).named("榕城区行政服务中心").create();
        String title = "关于榕城区行政服务中心窗口工作人员脱岗问题的整改通知";
        JsonPath issued = Fixtures.aNotice("RECTIFICATION_NOTICE", unit).with("title", title).with("body", BODY)
                .issued();
        String number = issued.getString("documentNumber");
        assertThat(number, matchesPattern("榕纪改〔\\d{4}〕\\d+号"));
        assertThat(number, equalTo("榕纪改〔" + issued.getInt("serialNumber.year") + "〕"
                + issued.getInt("serialNumber.sequence") + "号"));

        Pdf pdf = Pdf.download("commission-1", "commission", NOTICES + "/{id}/document", issued.getString("id"));

        assertThat(pdf.pages(), greaterThanOrEqualTo(2));
        assertThat(pdf.fontsNotEmbedded(), empty());
        String text = pdf.flatText();
        assertThat(text, containsString(ORGAN));
        assertThat(text, containsString(number));
        assertThat(text, containsString(title));
        assertThat(text, containsString("榕城区行政服务中心："));
        assertThat(text, containsString("上班时间脱岗"));
        assertThat("Markdown leaves only its text", text, not(containsString("**")));
        assertThat(text, containsString("整改期限：" + chinese(LocalDate.parse(issued.getString("deadline")))));
        assertThat(text, containsString(chinese(Fixtures.today())));
        assertThat(text, containsString("—1—"));
        assertThat(text, containsString("—2—"));
    }

    @Test
    void theSameNoticeGivesTheSameBytesEveryTimeWhateverHappensToItAfterwards() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String officer = Fixtures.uniqueCode("officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), unit).create();
        JsonPath issued = Fixtures.aNotice("RECTIFICATION_NOTICE", unit).with("body", BODY).issued();
        String id = issued.getString("id");

        Pdf first = Pdf.download("commission-1", "commission", NOTICES + "/{id}/document", id);
        as(officer, "unit-officer").body(Map.of("measures", "已安排专人值守窗口", "completedOn",
                Fixtures.today().toString())).post(NOTICES + "/{id}/responses", id).then().statusCode(201);
        Pdf second = Pdf.download(officer, "unit-officer", NOTICES + "/{id}/document", id);

        assertThat("the document is filed by its SHA-256", second.bytes(), equalTo(first.bytes()));
    }

    @Test
    void anAdmonitionTalkNamesItsTimeSubjectAndTheOfficialsSummonedWithTheirPosts() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).named("榕城区住建局").create();
        Fixtures.aPost(Fixtures.anOfficial().named("林建国").create(), unit).role("PRINCIPAL", "局长").create();
        Fixtures.aPost(Fixtures.anOfficial().named("黄志明").create(), unit).role("DEPUTY_IN_CHARGE", "副局长")
                .responsibility("城建").create();
        var at = Moments.now().plusDays(3).withHour(15).withMinute(30).withSecond(0).withNano(0);
        JsonPath issued = Fixtures.aNotice("ADMONITION_TALK", unit).with("title", "关于约谈榕城区住建局主要负责人的通知")
                .with("area", "城建").with("talkScheduledAt", Moments.rfc3339(at)).issued();

        String text = Pdf.download("commission-1", "commission", NOTICES + "/{id}/document",
                issued.getString("id")).flatText();

        assertThat(text, containsString(issued.getString("documentNumber")));
        assertThat(text, containsString("约谈时间：" + chinese(at.toLocalDate()) + "15:30"));
        assertThat(text, containsString("约谈事项：城建"));
        assertThat(text, containsString("约谈对象：林建国（局长）、黄志明（副局长）"));
    }

    @Test
    void aDraftHasNoDocumentAndACallerOutsideTheNoticesScopeLearnsNothingOfIt() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath mine = Fixtures.aUnit().under(district).create();
        JsonPath other = Fixtures.aUnit().under(district).create();
        String officer = Fixtures.uniqueCode("officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), mine).create();
        JsonPath draft = Fixtures.aNotice("SITUATION_BULLETIN", mine).draft();
        JsonPath toOthers = Fixtures.aNotice("SITUATION_BULLETIN", other).issued();

        Api.downloadAs("commission-1", "commission").accept("application/pdf")
                .get(NOTICES + "/{id}/document", draft.getString("id")).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("DOCUMENT_NOT_ISSUED"));
        Api.downloadAs(officer, "unit-officer").accept("application/pdf")
                .get(NOTICES + "/{id}/document", toOthers.getString("id")).then()
                .statusCode(404);
        Api.downloadAs("commission-1", "commission").accept("application/json")
                .get(NOTICES + "/{id}/document", toOthers.getString("id")).then()
                .statusCode(406);
    }
}
