package org.zuofeng.official;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.EntityTag;
import org.zuofeng.support.Fixtures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.zuofeng.support.Api.asHr;

/** Recording officials: a valid resident ID, unique ID numbers and accounts, corrections under If-Match. */
@QuarkusTest
class OfficialResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void hrRecordsAnOfficialAndReadsItBackWithTodaysPosts() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).named("区住建局").create();
        JsonPath official = Fixtures.anOfficial().named("李明").create();
        Fixtures.aPost(official, unit).role("DEPUTY_IN_CHARGE", "副局长").responsibility("城建").create();
        Fixtures.aPost(official, unit).from(Fixtures.today().minusYears(5)).to(Fixtures.today().minusYears(2))
                .create();

        asHr().get("/api/v1/officials/{id}", official.getString("id")).then()
                .statusCode(200)
                .header("ETag", EntityTag.ofVersion(official.getLong("version")))
                .body("name", equalTo("李明"))
                .body("idNumber", equalTo(official.getString("idNumber")))
                .body("createdBy", equalTo("hr-1"))
                .body("currentPosts", hasSize(1))
                .body("currentPosts[0].title", equalTo("副局长"))
                .body("currentPosts[0].role", equalTo("DEPUTY_IN_CHARGE"))
                .body("currentPosts[0].responsibility", equalTo("城建"))
                .body("currentPosts[0].unitName", equalTo("区住建局"));
    }

    @Test
    void anIdNumberEndingInXIsValid() {
        Fixtures.anOfficial().with("idNumber", "11010519491231002X").with("birthDate", "1949-12-31").create();
    }

    @Test
    void aWrongCheckDigitIsRejectedWithItsCode() {
        asHr().body(Fixtures.anOfficial().with("idNumber", "110101199003074478").with("birthDate", "1990-03-07")
                .body()).post("/api/v1/officials").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].pointer", equalTo("/idNumber"))
                .body("errors[0].code", equalTo("ID_NUMBER_CHECK_DIGIT"));
    }

    @Test
    void theBirthDateInTheIdNumberMustBeTheBirthDate() {
        asHr().body(Fixtures.anOfficial().with("idNumber", "110101199003074477").with("birthDate", "1990-03-08")
                .body()).post("/api/v1/officials").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/idNumber"))
                .body("errors[0].code", equalTo("ID_NUMBER_BIRTH_DATE_MISMATCH"));
    }

    @Test
    void theBirthDateInTheIdNumberMustBeARealDate() {
        String impossible = "11010119900230" + "123";
        asHr().body(Fixtures.anOfficial().with("idNumber", impossible + "6").with("birthDate", "1990-02-28")
                .body()).post("/api/v1/officials").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].code", equalTo("ID_NUMBER_BIRTH_DATE_INVALID"));
    }

    @Test
    void aMalformedIdNumberAndPhoneAreReportedTogether() {
        Api.invalidAs("hr-1", "hr").body(Fixtures.anOfficial().with("idNumber", "11010519491231002x")
                        .with("phone", "0755-1234567").body())
                .post("/api/v1/officials").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors", hasSize(2))
                .body("errors.pointer", containsInAnyOrder("/idNumber", "/phone"))
                .body("errors.code", hasItem("ID_NUMBER_FORMAT"));
    }

    @Test
    void problemsNeverEchoTheIdNumber() {
        String wrong = "110101199003074478";
        String body = asHr().body(Fixtures.anOfficial().with("idNumber", wrong).with("birthDate", "1990-03-07")
                .body()).post("/api/v1/officials").then().statusCode(400).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains(wrong));
    }

    @Test
    void anIdNumberIsRecordedOnlyOnce() {
        JsonPath official = Fixtures.anOfficial().create();
        asHr().body(Fixtures.anOfficial().with("idNumber", official.getString("idNumber"))
                        .with("birthDate", official.getString("birthDate")).body())
                .post("/api/v1/officials").then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("OFFICIAL_ID_NUMBER_TAKEN"));
    }

    @Test
    void anAccountSubjectLinksOneOfficialOnly() {
        String subject = Fixtures.uniqueCode("kc");
        Fixtures.anOfficial().linkedTo(subject).create();
        asHr().body(Fixtures.anOfficial().linkedTo(subject).body()).post("/api/v1/officials").then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("ACCOUNT_SUBJECT_TAKEN"));
    }

    @Test
    void correctingAnOfficialNeedsTheCurrentVersion() {
        JsonPath official = Fixtures.anOfficial().create();
        Map<String, Object> write = writeOf(official);
        write.put("name", "王芳");

        asHr().header("If-Match", "\"" + official.getLong("version") + "\"").body(write)
                .put("/api/v1/officials/{id}", official.getString("id")).then()
                .statusCode(200)
                .body("name", equalTo("王芳"))
                .body("version", equalTo(official.getInt("version") + 1));
        asHr().header("If-Match", "\"" + official.getLong("version") + "\"").body(write)
                .put("/api/v1/officials/{id}", official.getString("id")).then()
                .statusCode(412)
                .contentType(PROBLEM);
    }

    @Test
    void onlyHrAndAdminsRecordOfficials() {
        for (String role : new String[] {"commission", "inspector", "unit-officer", "auditor", "integration"}) {
            Api.as("someone", role).body(Fixtures.anOfficial().body()).post("/api/v1/officials").then()
                    .statusCode(403)
                    .contentType(PROBLEM);
        }
    }

    @Test
    void theListFiltersByPostUnitRoleDayNameAndPartyMembership() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath bureau = Fixtures.aUnit().under(district).create();
        JsonPath office = Fixtures.aUnit().under(bureau).create();
        LocalDate today = Fixtures.today();
        JsonPath head = Fixtures.anOfficial().named("局长甲").create();
        JsonPath clerk = Fixtures.anOfficial().named("科员乙").with("partyMember", false).create();
        JsonPath former = Fixtures.anOfficial().named("前任丙").create();
        Fixtures.aPost(head, bureau).role("PRINCIPAL", "局长").from(today.minusYears(1)).create();
        Fixtures.aPost(clerk, office).create();
        Fixtures.aPost(former, bureau).role("PRINCIPAL", "局长").from(today.minusYears(4))
                .to(today.minusYears(1).minusDays(1)).create();
        String bureauId = bureau.getString("id");

        asHr().queryParam("unitId", bureauId).get("/api/v1/officials").then()
                .body("items.name", contains("局长甲"));
        asHr().queryParam("unitId", bureauId).queryParam("includeSubunits", true).get("/api/v1/officials").then()
                .body("items.name", containsInAnyOrder("局长甲", "科员乙"));
        asHr().queryParam("unitId", bureauId).queryParam("activeOn", today.minusYears(2).toString())
                .get("/api/v1/officials").then()
                .body("items.name", contains("前任丙"));
        asHr().queryParam("unitId", district.getString("id")).queryParam("includeSubunits", true)
                .queryParam("role", "PRINCIPAL").get("/api/v1/officials").then()
                .body("items.name", contains("局长甲"));
        asHr().queryParam("unitId", district.getString("id")).queryParam("includeSubunits", true)
                .queryParam("partyMember", false).get("/api/v1/officials").then()
                .body("items.name", contains("科员乙"));
        asHr().queryParam("q", "前任丙").get("/api/v1/officials").then()
                .body("items.id", contains(former.getString("id")));
        asHr().queryParam("unitId", office.getString("id")).queryParam("role", "PRINCIPAL")
                .get("/api/v1/officials").then()
                .body("items", empty());
    }

    @Test
    void findingAnOfficialByIdNumberUsesTheBodyAndIsForHrCommissionAndAdminsOnly() {
        JsonPath official = Fixtures.anOfficial().create();
        Map<String, Object> search = Map.of("idNumber", official.getString("idNumber"));
        for (String role : new String[] {"hr", "commission", "admin"}) {
            Api.as("finder", role).body(search).post("/api/v1/officials/search").then()
                    .statusCode(200)
                    .body("items.id", contains(official.getString("id")))
                    .body("items[0].idNumber", equalTo(official.getString("idNumber")));
        }
        for (String role : new String[] {"inspector", "unit-officer", "auditor", "integration"}) {
            Api.as("finder", role).body(search).post("/api/v1/officials/search").then()
                    .statusCode(403)
                    .contentType(PROBLEM);
        }
        asHr().body(Map.of("idNumber", Fixtures.idNumber(LocalDate.of(1901, 1, 1)))).post("/api/v1/officials/search")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    static Map<String, Object> writeOf(JsonPath official) {
        Map<String, Object> write = new HashMap<>();
        for (String field : new String[] {"name", "gender", "birthDate", "idNumber", "phone", "accountSubject"}) {
            if (official.getString(field) != null) {
                write.put(field, official.getString(field));
            }
        }
        write.put("partyMember", official.getBoolean("partyMember"));
        return write;
    }
}
