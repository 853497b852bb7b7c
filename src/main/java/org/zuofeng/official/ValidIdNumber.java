package org.zuofeng.official;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The official's {@code idNumber} is a well-formed PRC resident ID (GB 11643): 17 digits and a check character,
 * an embedded birth date that is a real date equal to {@code birthDate}, and the ISO 7064 MOD 11-2 check digit.
 */
@Constraint(validatedBy = IdNumberValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidIdNumber {

    String message() default "{zuofeng.idNumber}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
