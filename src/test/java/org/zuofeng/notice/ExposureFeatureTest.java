package org.zuofeng.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.zuofeng.support.Api.as;

/** An exposé feature (暗访专题片) is a public exposure compiled from the video evidence of covert visits. */
@QuarkusTest
class ExposureFeatureTest {

    private static final String NOTICES = "/api/v1/supervision-notices";

    /** A completed inspection of {@code type} with one finding, and evidence of {@code mediaType} on it. */
    private static String filmedFinding(String type, JsonPath unit, String mediaType) {
        String lead = Fixtures.uniqueCode("feature-lead");
        JsonPath started = Fixtures.anInspection(type, unit).lead(lead).started();
        JsonPath finding = Fixtures.aFinding(started, unit).createAs(lead);
        byte[] content = mediaType.equals("video/mp4") ? Media.mp4(4096 + (int) (Math.random() * 10_000))
                : Media.jpeg(4096 + (int) (Math.random() * 10_000));
        Api.uploadAs(lead, mediaType, content, "inspector")
                .post("/api/v1/findings/{id}/evidence", finding.getString("id")).then().statusCode(201);
        Fixtures.completed(lead, started);
        return finding.getString("id");
    }

    private static void refusedOnIssue(JsonPath unit, List<String> findingIds, String code) {
        JsonPath draft = Fixtures.aNotice("PUBLIC_EXPOSURE", unit).with("medium", "VIDEO_FEATURE")
                .with("findingIds", findingIds).draft();
        as("commission-1", "commission").header("If-Match", "\"" + draft.getLong("version") + "\"")
                .body(Map.of("to", "ISSUED")).post(NOTICES + "/{id}/transitions", draft.getString("id")).then()
                .statusCode(409)
                .body("code", equalTo(code));
    }

    @Test
    void aFeatureCompiledFromACompletedCovertVisitsVideoIsIssuedAndPublishedAsOne() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String finding = filmedFinding("COVERT", unit, "video/mp4");
        String title = "暗访专题片：窗口服务“冷硬横推” " + Fixtures.uniqueCode("ep");

        JsonPath issued = Fixtures.aNotice("PUBLIC_EXPOSURE", unit).with("title", title)
                .with("medium", "VIDEO_FEATURE").with("findingIds", List.of(finding)).issued();

        org.hamcrest.MatcherAssert.assertThat(issued.getString("medium"), equalTo("VIDEO_FEATURE"));
        Api.anonymous().queryParam("limit", 500).get("/api/v1/public/exposures").then()
                .statusCode(200)
                .body("items.find { it.title == '" + title + "' }.medium", equalTo("VIDEO_FEATURE"));
        JsonPath written = Fixtures.aNotice("PUBLIC_EXPOSURE", unit).issued();
        org.hamcrest.MatcherAssert.assertThat("an exposure is written unless said", written.getString("medium"),
                equalTo("WRITTEN"));
    }

    @Test
    void aFeatureWithoutCovertFindingsOrWithoutVideoIsRefused() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();

        refusedOnIssue(unit, List.of(), "NOT_A_COVERT_FEATURE");
        refusedOnIssue(unit, List.of(filmedFinding("OPEN", unit, "video/mp4")), "NOT_A_COVERT_FEATURE");
        refusedOnIssue(unit, List.of(filmedFinding("COVERT", unit, "image/jpeg")), "NOT_A_COVERT_FEATURE");
        refusedOnIssue(unit, List.of(filmedFinding("COVERT", unit, "video/mp4"),
                filmedFinding("OPEN", unit, "image/jpeg")), "NOT_A_COVERT_FEATURE");
    }

    @Test
    void onlyAPublicExposureHasAMedium() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        as("commission-1", "commission").body(Fixtures.aNotice("SITUATION_BULLETIN", unit)
                        .with("medium", "VIDEO_FEATURE").body()).post(NOTICES).then()
                .statusCode(400)
                .body("errors.pointer", hasItem("/medium"));
    }
}
