package org.zuofeng.support;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Builds test data through the API, with unique codes so that tests never depend on each other. */
public final class Fixtures {

    private static final Random RANDOM = new Random();

    private Fixtures() {
    }

    /** Every ID number {@link #idNumber} gave in this run. */
    private static final Set<String> ISSUED_ID_NUMBERS = ConcurrentHashMap.newKeySet();

    public static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A unit to be created: {@code Fixtures.aUnit().under(district).create()}. */
    public static UnitBuilder aUnit() {
        return new UnitBuilder("AGENCY");
    }

    /** A new district (a root unit). */
    public static JsonPath aDistrict() {
        return new UnitBuilder("DISTRICT").create();
    }

    /** Today in Asia/Shanghai, the API's "today" (while no test has moved the clock). */
    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /**
     * A valid resident ID number for someone born on {@code birthDate}: area 110101, a random sequence and the
     * ISO 7064 MOD 11-2 check character (computed here independently of the application). Never one given before in
     * this run: the suite makes a few thousand officials, and random sequences alone met now and then (a 409
     * {@code OFFICIAL_ID_NUMBER_TAKEN} in a test that expected none).
     */
    public static String idNumber(LocalDate birthDate) {
        while (true) {
            String body = "110101" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", RANDOM.nextInt(1000));
            int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (body.charAt(i) - '0') * weights[i];
            }
            String number = body + "10X98765432".charAt(sum % 11);
            if (ISSUED_ID_NUMBERS.add(number)) {
                return number;
            }
        }
    }

    /** An official to be created: {@code Fixtures.anOfficial().linkedTo("officer-7").create()}. */
    public static OfficialBuilder anOfficial() {
        return new OfficialBuilder();
    }

    /** A post for an official, created through the API: {@code Fixtures.aPost(official, unit).principal()...}. */
    public static PostBuilder aPost(JsonPath official, JsonPath unit) {
        return new PostBuilder(official.getString("id"), unit.getString("id"));
    }

    /** An official to be created. */
    public static final class OfficialBuilder {
        private final Map<String, Object> body = new HashMap<>();

        private OfficialBuilder() {
            LocalDate birthDate = LocalDate.of(1960, 1, 1).plusDays(RANDOM.nextInt(365 * 40));
            body.put("name", "干部" + UUID.randomUUID().toString().substring(0, 6));
            body.put("gender", RANDOM.nextBoolean() ? "MALE" : "FEMALE");
            body.put("birthDate", birthDate.toString());
            body.put("idNumber", idNumber(birthDate));
            body.put("phone", "139" + String.format("%08d", RANDOM.nextInt(100_000_000)));
            body.put("partyMember", true);
        }

        public OfficialBuilder named(String name) {
            body.put("name", name);
            return this;
        }

        public OfficialBuilder linkedTo(String subject) {
            body.put("accountSubject", subject);
            return this;
        }

        public OfficialBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }

        public JsonPath create() {
            return Api.asHr().body(body).post("/api/v1/officials").then().statusCode(201).extract().jsonPath();
        }
    }

    /** A post to be created. */
    public static final class PostBuilder {
        private final String officialId;
        private final Map<String, Object> body = new HashMap<>();

        private PostBuilder(String officialId, String unitId) {
            this.officialId = officialId;
            body.put("unitId", unitId);
            body.put("title", "科员");
            body.put("role", "STAFF");
            body.put("startDate", today().minusYears(1).toString());
        }

        public PostBuilder role(String role, String title) {
            body.put("role", role);
            body.put("title", title);
            return this;
        }

        public PostBuilder from(LocalDate start) {
            body.put("startDate", start.toString());
            return this;
        }

        public PostBuilder to(LocalDate end) {
            body.put("endDate", end.toString());
            return this;
        }

        public PostBuilder responsibility(String area) {
            body.put("responsibility", area);
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }

        public String path() {
            return "/api/v1/officials/" + officialId + "/posts";
        }

        public JsonPath create() {
            return Api.asHr().body(body).post(path()).then().statusCode(201).extract().jsonPath();
        }
    }

    /** A notice to be drafted by the commission. */
    public static NoticeBuilder aNotice(String type, JsonPath... addressees) {
        return new NoticeBuilder(type, addressees);
    }

    /** A notice to be drafted. */
    public static final class NoticeBuilder {
        private final Map<String, Object> body = new HashMap<>();

        private NoticeBuilder(String type, JsonPath... addressees) {
            body.put("type", type);
            body.put("title", "通知 " + UUID.randomUUID().toString().substring(0, 8));
            body.put("body", "经检查发现……");
            body.put("addresseeUnitIds", java.util.Arrays.stream(addressees).map(a -> a.getString("id")).toList());
            if (type.equals("RECTIFICATION_NOTICE")) {
                body.put("deadline", today().plusDays(30).toString());
            }
        }

        public NoticeBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }

        public JsonPath draft() {
            return Api.as("commission-1", "commission").body(body).post("/api/v1/supervision-notices").then()
                    .statusCode(201).extract().jsonPath();
        }

        public JsonPath issued() {
            return transition(Api.as("commission-1", "commission"), "/api/v1/supervision-notices", draft(),
                    Map.of("to", "ISSUED"));
        }
    }

    /** An inspection to be planned (by the commission unless said otherwise). */
    public static InspectionBuilder anInspection(String type, JsonPath... targets) {
        return new InspectionBuilder(type, targets);
    }

    /** Moves an inspection (or anything with transitions) to {@code to}, as {@code actor}, and returns it. */
    public static JsonPath transition(RequestSpecification actor, String path, JsonPath current,
            Map<String, Object> body) {
        return actor.header("If-Match", "\"" + current.getLong("version") + "\"").body(body)
                .post(path + "/" + current.getString("id") + "/transitions").then().statusCode(200)
                .extract().jsonPath();
    }

    /** A finding to be recorded by a team member. */
    public static FindingBuilder aFinding(JsonPath inspection, JsonPath unit) {
        return new FindingBuilder(inspection.getString("id"), unit.getString("id"));
    }

    /** An inspection to be planned. */
    public static final class InspectionBuilder {
        private final Map<String, Object> body = new HashMap<>();
        private final List<Map<String, Object>> team = new ArrayList<>();

        private InspectionBuilder(String type, JsonPath... targets) {
            body.put("type", type);
            body.put("title", "检查 " + UUID.randomUUID().toString().substring(0, 8));
            body.put("plannedStart", today().toString());
            body.put("plannedEnd", today().plusDays(7).toString());
            body.put("targetUnitIds", java.util.Arrays.stream(targets).map(t -> t.getString("id")).toList());
            body.put("team", team);
        }

        public InspectionBuilder lead(String subject) {
            team.add(new HashMap<>(Map.of("subject", subject, "name", "组长" + subject, "lead", true)));
            return this;
        }

        public InspectionBuilder member(String subject) {
            team.add(new HashMap<>(Map.of("subject", subject, "name", "组员" + subject, "lead", false)));
            return this;
        }

        public InspectionBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }

        public JsonPath create() {
            return Api.as("commission-1", "commission").body(body).post("/api/v1/inspections").then()
                    .statusCode(201).extract().jsonPath();
        }

        /** Planned by the commission and started by its lead. */
        public JsonPath started() {
            JsonPath planned = create();
            String lead = team.stream().filter(m -> Boolean.TRUE.equals(m.get("lead"))).findFirst()
                    .map(m -> (String) m.get("subject")).orElseThrow();
            return transition(Api.as(lead, "inspector"), "/api/v1/inspections", planned,
                    Map.of("to", "IN_PROGRESS"));
        }
    }

    /**
     * Completes {@code inspection} as its {@code lead}, from its version now (findings and evidence recorded since
     * it started may have moved it on).
     */
    public static JsonPath completed(String lead, JsonPath inspection) {
        JsonPath current = Api.as(lead, "inspector").get("/api/v1/inspections/{id}", inspection.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        return transition(Api.as(lead, "inspector"), "/api/v1/inspections", current,
                Map.of("to", "COMPLETED", "summary", "检查结束"));
    }

    /** A finding to be recorded. */
    public static final class FindingBuilder {
        private final String inspectionId;
        private final Map<String, Object> body = new HashMap<>();

        private FindingBuilder(String inspectionId, String unitId) {
            this.inspectionId = inspectionId;
            body.put("unitId", unitId);
            body.put("category", "INACTION");
            body.put("defects", List.of("LAZINESS"));
            body.put("severity", "MODERATE");
            body.put("title", "窗口无人 " + UUID.randomUUID().toString().substring(0, 6));
            body.put("observedAt", Moments.rfc3339(Moments.now().minusHours(1)));
        }

        public FindingBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }

        public String path() {
            return "/api/v1/inspections/" + inspectionId + "/findings";
        }

        /** Recorded by {@code member} of the team. */
        public JsonPath createAs(String member) {
            return Api.as(member, "inspector").body(body).post(path()).then().statusCode(201).extract().jsonPath();
        }
    }

    /** A unit to be created. */
    public static final class UnitBuilder {
        private final Map<String, Object> body = new HashMap<>();

        private UnitBuilder(String type) {
            body.put("code", uniqueCode("U"));
            body.put("name", "测试单位 " + body.get("code"));
            body.put("type", type);
        }

        public UnitBuilder under(JsonPath parent) {
            body.put("parentId", parent.getString("id"));
            return this;
        }

        public UnitBuilder type(String type) {
            body.put("type", type);
            return this;
        }

        public UnitBuilder named(String name) {
            body.put("name", name);
            return this;
        }

        public UnitBuilder code(String code) {
            body.put("code", code);
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }

        public JsonPath create() {
            return Api.asHr().body(body).post("/api/v1/units").then().statusCode(201).extract().jsonPath();
        }
    }

    /**
     * A scheme to be set up by HR: two indicators, {@code DUTY} (weight 40, max 10) and {@code RESULT} (weight 60,
     * max 20), bands 90 / 70 / 60 / 0, a 15 % excellent quota, and for village cadres the one-third vote rule.
     */
    public static SchemeBuilder aScheme(String subjectType, int year) {
        return new SchemeBuilder(subjectType, year);
    }

    /** An assessment under {@code scheme} to be recorded by HR, scored {@code duty} and {@code result}. */
    public static AssessmentBuilder anAssessment(JsonPath scheme, Object duty, Object result) {
        return new AssessmentBuilder(scheme, duty, result);
    }

    /** A scheme to be set up. */
    public static final class SchemeBuilder {
        private final Map<String, Object> body = new HashMap<>();

        private SchemeBuilder(String subjectType, int year) {
            body.put("name", year + "年度考核 " + UUID.randomUUID().toString().substring(0, 8));
            body.put("year", year);
            body.put("subjectType", subjectType);
            body.put("indicators", List.of(
                    Map.of("code", "DUTY", "name", "履职尽责", "weight", 40, "maxScore", 10),
                    Map.of("code", "RESULT", "name", "工作实绩", "weight", 60, "maxScore", 20)));
            body.put("gradeBands", List.of(
                    Map.of("grade", "EXCELLENT", "minScore", 90),
                    Map.of("grade", "COMPETENT", "minScore", 70),
                    Map.of("grade", "BASICALLY_COMPETENT", "minScore", 60),
                    Map.of("grade", "INCOMPETENT", "minScore", 0)));
            body.put("excellentQuota", 0.15);
            if (subjectType.equals("VILLAGE_CADRE")) {
                body.put("voteRule", Map.of("incompetentShare", Map.of("numerator", 1, "denominator", 3)));
            }
        }

        public SchemeBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }

        public JsonPath create() {
            return Api.asHr().body(body).post("/api/v1/assessment-schemes").then().statusCode(201).extract()
                    .jsonPath();
        }
    }

    /** An assessment to be recorded. */
    public static final class AssessmentBuilder {
        private final Map<String, Object> body = new HashMap<>();

        private AssessmentBuilder(JsonPath scheme, Object duty, Object result) {
            body.put("schemeId", scheme.getString("id"));
            body.put("scores", List.of(Map.of("indicatorCode", "DUTY", "score", duty),
                    Map.of("indicatorCode", "RESULT", "score", result)));
        }

        /** An official's (or village cadre's) assessment. */
        public AssessmentBuilder of(JsonPath official) {
            body.put("officialId", official.getString("id"));
            return this;
        }

        /** A leadership team's assessment. */
        public AssessmentBuilder ofTeam(JsonPath unit) {
            body.put("unitId", unit.getString("id"));
            return this;
        }

        /** A village public review with these EXCELLENT, COMPETENT, BASICALLY_COMPETENT, INCOMPETENT votes. */
        public AssessmentBuilder votes(int attendance, int excellent, int competent, int basically, int incompetent) {
            body.put("publicReview", Map.of("meetingDate", today().toString(), "diligenceReport", "一年来，……",
                    "integrityReport", "严格遵守廉洁纪律……", "attendance", attendance,
                    "votes", Map.of("EXCELLENT", excellent, "COMPETENT", competent, "BASICALLY_COMPETENT", basically,
                            "INCOMPETENT", incompetent, "invalid", 0)));
            return this;
        }

        public AssessmentBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }

        public JsonPath create() {
            return Api.asHr().body(body).post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
        }
    }}
