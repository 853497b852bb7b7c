package org.zuofeng.common.privacy;

import com.fasterxml.jackson.annotation.JacksonAnnotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read-model member holding personal data, so that it is masked wherever it must not appear in full:
 * always in audit before/after images, and in responses to roles that may not see it.
 */
@JacksonAnnotation
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface PersonalData {

    Kind value();

    /** How a value of this kind is masked. */
    enum Kind {
        /** PRC resident ID: first 6 and last 4 characters kept ({@code 445202********1234}). */
        ID_NUMBER,
        /** Mobile phone: first 3 and last 4 digits kept ({@code 138****5678}). */
        PHONE
    }
}
