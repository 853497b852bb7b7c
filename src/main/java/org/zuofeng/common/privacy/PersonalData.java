package org.zuofeng.common.privacy;

import com.fasterxml.jackson.annotation.JacksonAnnotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read-model member holding personal data, so that it is masked wherever it must not appear in full:
 * always in audit before/after images, and in responses to roles that may not see it. A masked view shows no more of
 * a person than a public cadre notice (干部任前公示) does: the region their ID number was issued in and their year
 * and month of birth, which the view carries unmasked on its own.
 */
@JacksonAnnotation
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface PersonalData {

    Kind value();

    /** How a value of this kind is masked. */
    enum Kind {
        /**
         * PRC resident ID: only the 6-character region code is kept ({@code 445202************}); the birth date,
         * sequence code and check character it embeds are hidden.
         */
        ID_NUMBER,
        /** Mainland mobile phone: first 3 and last 4 digits kept ({@code 138****5678}). */
        PHONE,
        /** The full date of birth: left out of a masked view altogether (its year and month are shown apart). */
        BIRTH_DATE
    }
}
