package org.zuofeng.common.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskingTest {

    record Person(String name, @PersonalData(PersonalData.Kind.ID_NUMBER) String idNumber,
            @PersonalData(PersonalData.Kind.PHONE) String phone,
            @PersonalData(PersonalData.Kind.BIRTH_DATE) java.time.LocalDate birthDate) {
    }

    @Test
    void idNumbersKeepOnlyTheirRegionCode() {
        assertEquals("445202************", Masking.mask(PersonalData.Kind.ID_NUMBER, "445202199001011234"));
        assertEquals("110105************", Masking.mask(PersonalData.Kind.ID_NUMBER, "11010519491231002X"));
    }

    @Test
    void birthDatesAreLeftOutOfMaskedViews() {
        assertEquals(null, Masking.mask(PersonalData.Kind.BIRTH_DATE, java.time.LocalDate.of(1990, 1, 1)));
    }

    @Test
    void phonesKeepTheirFirstThreeAndLastFourDigits() {
        assertEquals("138****5678", Masking.mask(PersonalData.Kind.PHONE, "13812345678"));
    }

    @Test
    void shortValuesAreMaskedEntirely() {
        assertEquals("*****", Masking.mask(PersonalData.Kind.PHONE, "12345"));
    }

    @Test
    void theMaskingIntrospectorMasksAnnotatedRecordComponents() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .setAnnotationIntrospector(new Masking.MaskingIntrospector());
        assertEquals("{\"name\":\"张三\",\"idNumber\":\"445202************\",\"phone\":\"138****5678\"}",
                mapper.writeValueAsString(new Person("张三", "445202199001011234", "13812345678",
                        java.time.LocalDate.of(1990, 1, 1))));
    }
}
