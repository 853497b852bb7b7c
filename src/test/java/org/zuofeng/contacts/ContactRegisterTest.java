package org.zuofeng.contacts;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.FeedReader;
import org.zuofeng.support.Fixtures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/**
 * The 亲清 register: an official declares a contact with a business (or a unit officer on their behalf), its credit
 * code checked as GB 32100-2015 defines it; the server raises a red flag for each rule the contact breaks; readers see
 * what their scope allows; the commission reviews, and a referral becomes a clue no one it concerns can see.
 */
@QuarkusTest
class ContactRegisterTest {

    private static final String CONTACTS = "/api/v1/business-contacts";
    /** Published codes of real companies (Alibaba, Tencent, Huawei, Moutai, China Mobile's group): all valid. */
    private static final List<String> REAL_CODES = List.of("91330100716105852F", "9144030071526726XG",
            "914403001922038216", "91520000214434146R", "91110000100006485K");

    /** An official with a post in a unit of their own, and the account linked to them. */
    record Person(String subject, JsonPath official, JsonPath unit) {
        String id() {
            return official.getString("id");
        }
    }

    private static Person person(JsonPath unit) {
        String subject = Fixtures.uniqueCode("official");
        JsonPath official = Fixtures.anOfficial().linkedTo(subject).create();
        Fixtures.aPost(official, unit).create();
        return new Person(subject, official, unit);
    }

    private static Person person() {
        return person(Fixtures.aUnit().under(Fixtures.aDistrict()).create());
    }

    private static Map<String, Object> contact(String code, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("businessName", "榕城建工集团有限公司");
        body.put("creditCode", code);
        body.put("kind", kind);
        body.put("occurredOn", Fixtures.today().minusDays(1).toString());
        body.put("place", "区政务服务中心");
        body.put("purpose", "了解项目审批进度");
        return body;
    }

    private static Response declare(Person person, Map<String, Object> body) {
        return as(person.subject(), "official").body(body).post(CONTACTS);
    }

    private static JsonPath declared(Person person, Map<String, Object> body) {
        return declare(person, body).then().statusCode(201).extract().jsonPath();
    }

    /** A code no other test uses: a fresh organisation code with its check character. */
    static String freshCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder code = new StringBuilder("91350102");
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weights[i];
        }
        return code.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
    }

    private static List<String> flagsOf(JsonPath declaration) {
        return declaration.getList("flags.code");
    }

    @Test
    void realCreditCodesAreTakenAndCorruptedOnesRefusedWithTheKindOfError() {
        Person person = person();
        for (String code : REAL_CODES) {
            declared(person, contact(code, "MEETING"));
        }
        Map<String, String> corrupted = Map.of(
                "91330100716105852E", "CREDIT_CODE_CHECK_CHARACTER",
                "91330100716105825F", "CREDIT_CODE_CHECK_CHARACTER",
                "9133010071610585IF", "CREDIT_CODE_FORMAT",
                "9133010071610585", "CREDIT_CODE_FORMAT",
                "91A30100716105852F", "CREDIT_CODE_FORMAT");
        corrupted.forEach((code, error) -> Api.invalidAs(person.subject(), "official")
                .body(contact(code, "MEETING")).post(CONTACTS).then().statusCode(400)
                .body("errors.pointer", contains("/creditCode")).body("errors.code", contains(error)));
    }

    @Test
    void eachRedFlagComesFromItsRule() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Person person = person(unit);
        JsonPath list = as("hr-1", "hr").body(Map.of("effectiveFrom", Fixtures.today().minusDays(30).toString(),
                        "items", List.of(Map.of("code", "XK-7", "name", "建筑工程施工许可", "basis", "《建筑法》第七条",
                                "responsibleRole", "审批科"))))
                .post("/api/v1/units/{id}/lists/POWER/versions", unit.getString("id")).then().statusCode(201)
                .extract().jsonPath();
        as("commission-1", "commission").header("If-Match", "\"" + list.getLong("version") + "\"")
                .post("/api/v1/units/{id}/lists/POWER/versions/{v}/publication", unit.getString("id"),
                        list.getString("id")).then().statusCode(200);

        Map<String, Object> meeting = contact(freshCode(), "MEETING");
        assertEquals(List.of(), flagsOf(declared(person, meeting)), "a meeting declared at once raises nothing");

        Map<String, Object> meal = contact(freshCode(), "MEAL");
        meal.put("paidBy", "BUSINESS");
        meal.put("value", 180);
        assertEquals(List.of("PAID_BY_BUSINESS"), flagsOf(declared(person, meal)));

        Map<String, Object> declinedGift = contact(freshCode(), "GIFT");
        declinedGift.put("paidBy", "BUSINESS");
        declinedGift.put("value", 3000);
        declinedGift.put("declined", true);
        assertEquals(List.of(), flagsOf(declared(person, declinedGift)), "a gift declined is no red flag");

        Map<String, Object> dear = contact(freshCode(), "MEAL");
        dear.put("paidBy", "OFFICIAL");
        dear.put("value", 200.01);
        JsonPath over = declared(person, dear);
        assertEquals(List.of("OVER_VALUE"), flagsOf(over));
        assertTrue(over.getString("flags[0].rule").contains("200"), "the rule says its threshold");
        dear.put("value", 200);
        dear.put("creditCode", freshCode());
        assertEquals(List.of(), flagsOf(declared(person, dear)), "the threshold itself is allowed");

        Map<String, Object> late = contact(freshCode(), "VISIT");
        late.put("occurredOn", Fixtures.today().minusDays(6).toString());
        assertEquals(List.of("LATE_DECLARATION"), flagsOf(declared(person, late)));
        late.put("occurredOn", Fixtures.today().minusDays(5).toString());
        assertEquals(List.of(), flagsOf(declared(person, late)), "five days after is in time");

        Map<String, Object> help = contact(freshCode(), "HELP");
        help.put("powerItemCodes", List.of("XK-7"));
        JsonPath supervised = declared(person, help);
        assertEquals(List.of("SUPERVISED_BUSINESS"), flagsOf(supervised));
        assertEquals("建筑工程施工许可", supervised.getString("powerItems[0].name"));
        help.put("powerItemCodes", List.of("XK-7", "XK-99"));
        Api.invalidAs(person.subject(), "official").body(help).post(CONTACTS).then().statusCode(400)
                .body("errors.pointer", contains("/powerItemCodes/1"));

        Map<String, Object> unpaid = contact(freshCode(), "TRAVEL");
        Api.invalidAs(person.subject(), "official").body(unpaid).post(CONTACTS).then().statusCode(400)
                .body("errors.pointer", contains("/paidBy"));
    }

    @Test
    void manyOfficialsMeetingOneBusinessAtOnceRaiseTheFlagExactlyOnce() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        List<Person> people = IntStream.range(0, 3).mapToObj(i -> person(unit)).toList();
        String code = freshCode();
        List<CompletableFuture<JsonPath>> racing = people.stream()
                .map(p -> CompletableFuture.supplyAsync(() -> declared(p, contact(code, "MEETING")))).toList();
        List<JsonPath> all = racing.stream().map(CompletableFuture::join).toList();

        assertEquals(1, all.stream().filter(d -> flagsOf(d).contains("MANY_OFFICIALS")).count(),
                "the third official to meet it, whichever it is, and only they");
        Person fourth = person(unit);
        assertTrue(flagsOf(declared(fourth, contact(code, "VISIT"))).contains("MANY_OFFICIALS"));
        as(people.getFirst().subject(), "official").body(contact(code, "VISIT")).post(CONTACTS).then()
                .statusCode(201).body("flags.code", hasItem("MANY_OFFICIALS"));
    }

    @Test
    void anOfficialDeclaresAndReadsOnlyTheirOwnAndAUnitOfficerOnBehalfOfTheirUnits() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Person official = person(unit);
        Person colleague = person(unit);
        Person stranger = person();
        String officer = Fixtures.uniqueCode("officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), unit).role("DEPUTY_IN_CHARGE", "副局长").create();
        String code = freshCode();

        JsonPath own = declared(official, contact(code, "MEETING"));
        assertEquals(official.id(), own.getString("officialId"));
        assertFalse(own.getBoolean("onBehalf"));
        Map<String, Object> forColleague = contact(code, "MEETING");
        forColleague.put("officialId", colleague.id());
        Api.invalidAs(official.subject(), "official").body(forColleague).post(CONTACTS).then().statusCode(400)
                .body("errors.pointer", contains("/officialId"));

        JsonPath onBehalf = as(officer, "unit-officer").body(forColleague).post(CONTACTS).then().statusCode(201)
                .extract().jsonPath();
        assertTrue(onBehalf.getBoolean("onBehalf"));
        Map<String, Object> forStranger = contact(code, "MEETING");
        forStranger.put("officialId", stranger.id());
        Api.invalidAs(officer, "unit-officer").body(forStranger).post(CONTACTS).then().statusCode(400)
                .body("errors.pointer", contains("/officialId"));
        JsonPath strangers = declared(stranger, contact(code, "MEETING"));

        as(official.subject(), "official").get(CONTACTS + "?creditCode=" + code).then().statusCode(200)
                .body("items.id", contains(own.getString("id")));
        as(official.subject(), "official").get(CONTACTS + "/{id}", onBehalf.getString("id")).then().statusCode(404);
        as(officer, "unit-officer").get(CONTACTS + "?creditCode=" + code).then().statusCode(200)
                .body("items.id", containsInAnyOrder(own.getString("id"), onBehalf.getString("id")));
        as("commission-1", "commission").get(CONTACTS + "?creditCode=" + code).then().statusCode(200)
                .body("items.officialId", containsInAnyOrder(official.id(), colleague.id(), stranger.id()));
        as("commission-1", "commission").queryParam("business", "建工集团").queryParam("officialId", stranger.id())
                .get(CONTACTS).then().statusCode(200).body("items.id", hasItem(strangers.getString("id")));
        as("inspector-1", "inspector").get(CONTACTS).then().statusCode(403);
        as(official.subject(), "official").get("/api/v1/units").then().statusCode(403);
    }

    @Test
    void theCommissionQuestionsThenAcceptsOrRefersAsAClueThatNoOneItConcernsSees() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Person person = person(unit);
        String officer = Fixtures.uniqueCode("officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), unit).role("DEPUTY_IN_CHARGE", "副局长").create();
        JsonPath first = declared(person, contact(freshCode(), "MEETING"));
        JsonPath questioned = review(first, Map.of("decision", "QUESTIONED", "reason", "请说明会见的具体事项"))
                .then().statusCode(200).body("status", equalTo("QUESTIONED")).extract().jsonPath();
        JsonPath accepted = review(questioned, Map.of("decision", "ACCEPTED")).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).extract().jsonPath();
        review(accepted, Map.of("decision", "REFERRED", "reason", "再审")).then().statusCode(409);

        Map<String, Object> meal = contact(freshCode(), "MEAL");
        meal.put("paidBy", "BUSINESS");
        JsonPath flagged = declared(person, meal);
        Api.invalidAs("commission-1", "commission").header("If-Match", "\"" + flagged.getLong("version") + "\"")
                .body(Map.of("decision", "REFERRED")).post(CONTACTS + "/{id}/review", flagged.getString("id"))
                .then().statusCode(400).body("errors.pointer", contains("/reason"));
        FeedReader feed = new FeedReader(officer, "unit-officer").fromNow();
        JsonPath referred = review(flagged, Map.of("decision", "REFERRED", "reason", "企业买单宴请，移送核查"))
                .then().statusCode(200).body("status", equalTo("REFERRED")).body("clueId", notNullValue())
                .extract().jsonPath();
        as("commission-1", "commission").get("/api/v1/clues/{id}", referred.getString("clueId")).then()
                .statusCode(200).body("source", equalTo("SUPERVISION"))
                .body("officialIds", contains(person.id()));

        as(person.subject(), "official").get(CONTACTS + "/{id}", flagged.getString("id")).then().statusCode(200)
                .body("status", equalTo("DECLARED")).body("clueId", nullValue()).body("reviewReason", nullValue());
        JsonPath later = declared(person, contact(freshCode(), "MEETING"));
        List<CloudEvent> events = feed.readUntil(read -> read.stream()
                .anyMatch(e -> later.getString("id").equals(FeedReader.data(e).get("id"))));
        assertTrue(events.stream().noneMatch(e -> e.getType().endsWith(".referred")
                        || flagged.getString("id").equals(FeedReader.data(e).get("id"))),
                "the referral never reaches the feed of the unit it concerns");
        assertEquals("org.zuofeng.business_contact.created", events.getLast().getType());
    }

    @Test
    void theRegisterIsCountedByKindFlagAndBusiness() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        Person one = person(unit);
        Person two = person(unit);
        String code = freshCode();
        Map<String, Object> meal = contact(code, "MEAL");
        meal.put("paidBy", "BUSINESS");
        declared(one, meal);
        declared(two, contact(code, "MEETING"));
        Map<String, Object> early = contact(freshCode(), "VISIT");
        early.put("occurredOn", Fixtures.today().plusDays(3).toString());
        JsonPath before = declared(two, early);
        assertTrue(before.getBoolean("declaredBefore"));

        LocalDate from = Fixtures.today().minusDays(10);
        as("commission-1", "commission").get("/api/v1/statistics/business-contacts?unitId=" + unit.getString("id")
                        + "&from=" + from + "&to=" + Fixtures.today().plusDays(10)).then().statusCode(200)
                .body("declared", equalTo(3)).body("declaredBefore", equalTo(1)).body("flagged", equalTo(1))
                .body("byKind.MEAL", equalTo(1)).body("byKind.VISIT", equalTo(1))
                .body("byFlag.PAID_BY_BUSINESS", equalTo(1)).body("byStatus.DECLARED", equalTo(3))
                .body("businesses[0].creditCode", equalTo(code)).body("businesses[0].officials", equalTo(2));
        as(one.subject(), "official").get("/api/v1/statistics/business-contacts?unitId=" + unit.getString("id")
                        + "&from=" + from).then().statusCode(200).body("declared", equalTo(1))
                .body("businesses.officials", not(empty()));
    }

    private static Response review(JsonPath declaration, Map<String, Object> body) {
        return as("commission-1", "commission").header("If-Match", "\"" + declaration.getLong("version") + "\"")
                .body(body).post(CONTACTS + "/{id}/review", declaration.getString("id"));
    }
}
