package org.zuofeng.official;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** ID numbers and phones: unmasked only for admin, hr and commission, every such showing on record. */
@QuarkusTest
class PersonalDataTest {

    @Test
    void idNumbersPhonesAndBirthDatesAreShownOnlyToThoseWhoNeedThem() {
        JsonPath official = Fixtures.anOfficial().create();
        String id = official.getString("idNumber");
        String phone = official.getString("phone");
        String maskedId = id.substring(0, 6) + "************";
        String maskedPhone = phone.substring(0, 3) + "****" + phone.substring(7);
        String yearMonth = official.getString("birthDate").substring(0, 7);

        for (String role : List.of("admin", "hr", "commission")) {
            Api.as("reader", role).get("/api/v1/officials/{id}", official.getString("id")).then()
                    .statusCode(200)
                    .body("idNumber", equalTo(id))
                    .body("phone", equalTo(phone))
                    .body("birthDate", equalTo(official.getString("birthDate")))
                    .body("birthYearMonth", equalTo(yearMonth));
        }
        for (String role : List.of("inspector", "auditor", "integration")) {
            Api.as("reader", role).get("/api/v1/officials/{id}", official.getString("id")).then()
                    .statusCode(200)
                    .body("idNumber", equalTo(maskedId))
                    .body("phone", equalTo(maskedPhone))
                    .body("birthDate", nullValue())
                    .body("birthYearMonth", equalTo(yearMonth));
            Api.as("reader", role).queryParam("q", official.getString("name")).get("/api/v1/officials").then()
                    .body("items[0].idNumber", equalTo(maskedId))
                    .body("items[0].birthDate", nullValue());
        }
    }

    /**
     * A masked view shows what a public cadre notice shows (region code, year and month of birth) and nothing from
     * which the ID number could be rebuilt: wherever a masked role reads about an official, no value holds the full
     * birth date, and no ID number shows more than its region code (not its birth date, sequence or check).
     */
    @Test
    void nothingAMaskedRoleReadsAboutAnOfficialRebuildsTheIdNumber() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath unit = Fixtures.aUnit().under(district).create();
        LocalDate born = LocalDate.of(1963, 5, 27);
        JsonPath official = Fixtures.anOfficial().with("birthDate", born.toString())
                .with("idNumber", Fixtures.idNumber(born)).create();
        Fixtures.aPost(official, unit).role("PRINCIPAL", "局长").create();
        String officer = Fixtures.uniqueCode("officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), unit).create();
        Api.asHr().header("If-Match", "\"" + official.getLong("version") + "\"")
                .body(Fixtures.anOfficial().with("name", "改名干部").with("birthDate", born.toString())
                        .with("idNumber", official.getString("idNumber")).body())
                .put("/api/v1/officials/{id}", official.getString("id")).then().statusCode(200);
        String id = official.getString("id");
        Map<String, String> surfaces = new LinkedHashMap<>();
        surfaces.put("official", "/api/v1/officials/" + id);
        surfaces.put("list", "/api/v1/officials?unitId=" + unit.getString("id"));
        surfaces.put("posts", "/api/v1/officials/" + id + "/posts");
        surfaces.put("leadership", "/api/v1/units/" + unit.getString("id") + "/leadership");
        surfaces.put("audit", "/api/v1/audit-events?entityId=" + id);

        Map<String, String[]> readers = new LinkedHashMap<>();
        readers.put("inspector", new String[] {"inspector-1", "inspector"});
        readers.put("unit-officer", new String[] {officer, "unit-officer"});
        readers.put("auditor", new String[] {"auditor-1", "auditor"});
        readers.put("integration", new String[] {"system-1", "integration"});
        readers.put("admin (audit images)", new String[] {"admin-1", "admin"});
        int read = 0;
        for (var reader : readers.entrySet()) {
            boolean imagesOnly = reader.getKey().startsWith("admin");
            for (var surface : surfaces.entrySet()) {
                if (imagesOnly && !surface.getKey().equals("audit")) {
                    continue;
                }
                var response = Api.as(reader.getValue()[0], reader.getValue()[1]).get(surface.getValue()).then()
                        .extract();
                if (response.statusCode() == 403) {
                    continue;
                }
                assertEquals(200, response.statusCode(), reader.getKey() + " reads " + surface.getKey());
                read++;
                assertRevealsNoMoreThanACadreNotice(reader.getKey() + " / " + surface.getKey(), response.asString(),
                        born, official.getString("idNumber"));
            }
        }
        assertEquals(18, read, "every masked role read every surface it may read");
    }

    private static void assertRevealsNoMoreThanACadreNotice(String where, String body, LocalDate born,
            String idNumber) {
        List<String> problems = new ArrayList<>();
        walk(JsonPath.from(body).get(), "", (pointer, value) -> {
            if (value.contains(born.toString()) || value.contains(born.format(DateTimeFormatter.BASIC_ISO_DATE))) {
                problems.add(pointer + " holds the birth date: " + value);
            }
            if (pointer.endsWith("/idNumber") && !value.equals(idNumber.substring(0, 6) + "************")) {
                problems.add(pointer + " shows more than the region code: " + value);
            }
            if (pointer.endsWith("/birthDate")) {
                problems.add(pointer + " is shown");
            }
        });
        assertEquals(List.of(), problems, where);
    }

    private static void walk(Object node, String pointer, java.util.function.BiConsumer<String, String> visit) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, pointer + "/" + key, visit));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), pointer + "/" + i, visit);
            }
        } else if (node != null) {
            visit.accept(pointer, String.valueOf(node));
        }
    }

    @Test
    void auditImagesMaskPersonalDataWhoeverReadsThem() {
        JsonPath official = Fixtures.anOfficial().create();
        String id = official.getString("idNumber");
        Api.as("admin-1", "admin").queryParam("entityId", official.getString("id")).queryParam("action", "CREATE")
                .get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items[0].after.idNumber", equalTo(id.substring(0, 6) + "************"))
                .body("items[0].after.birthDate", nullValue())
                .body("items[0].after.birthYearMonth", equalTo(official.getString("birthDate").substring(0, 7)))
                .body("items[0].after.phone", equalTo(official.getString("phone").substring(0, 3) + "****"
                        + official.getString("phone").substring(7)))
                .body("items[0].after.name", equalTo(official.getString("name")));
    }

    @Test
    void everyUnmaskedShowingIsRecordedAsOneReadPerRequest() {
        JsonPath district = Fixtures.aDistrict();
        JsonPath unit = Fixtures.aUnit().under(district).create();
        JsonPath first = Fixtures.anOfficial().create();
        JsonPath second = Fixtures.anOfficial().create();
        Fixtures.aPost(first, unit).create();
        Fixtures.aPost(second, unit).create();
        String reader = Fixtures.uniqueCode("commission-reader");

        Api.as(reader, "commission").get("/api/v1/officials/{id}", first.getString("id")).then().statusCode(200);
        Api.as(reader, "commission").queryParam("unitId", unit.getString("id")).get("/api/v1/officials").then()
                .body("items", hasSize(2));

        Api.as("auditor-1", "auditor").queryParam("actor", reader).queryParam("action", "READ_PERSONAL_DATA")
                .queryParam("sort", "occurredAt").get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].entityType", equalTo("official"))
                .body("items[0].entityId", equalTo(first.getString("id")))
                .body("items[0].entityIds", containsInAnyOrder(first.getString("id")))
                .body("items[1].entityId", nullValue())
                .body("items[1].entityIds", containsInAnyOrder(first.getString("id"), second.getString("id")));
        // "Who has seen this official's personal data?" finds both reads.
        Api.as("auditor-1", "auditor").queryParam("entityId", second.getString("id"))
                .queryParam("action", "READ_PERSONAL_DATA").queryParam("actor", reader)
                .get("/api/v1/audit-events").then()
                .body("items", hasSize(1));
    }

    @Test
    void theAnswerToAWriteShowsPersonalDataTooAndIsRecordedAsARead() {
        String writer = Fixtures.uniqueCode("hr-writer");
        String id = Api.as(writer, "hr").body(Fixtures.anOfficial().body()).post("/api/v1/officials").then()
                .statusCode(201).extract().path("id");
        Api.as("auditor-1", "auditor").queryParam("actor", writer).queryParam("sort", "occurredAt")
                .get("/api/v1/audit-events").then()
                .body("items.action", org.hamcrest.Matchers.contains("CREATE", "READ_PERSONAL_DATA"))
                .body("items.entityId", org.hamcrest.Matchers.everyItem(equalTo(id)));
    }

    @Test
    void maskedShowingsAreNotRecordedAsReads() {
        JsonPath official = Fixtures.anOfficial().create();
        String reader = Fixtures.uniqueCode("inspector-reader");
        Api.as(reader, "inspector").get("/api/v1/officials/{id}", official.getString("id")).then().statusCode(200);
        Api.as("auditor-1", "auditor").queryParam("actor", reader).get("/api/v1/audit-events").then()
                .body("items", empty());
    }
}
