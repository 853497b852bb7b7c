package org.zuofeng.contacts;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 统一社会信用代码 as GB 32100-2015 defines it ({@link CreditCodes}); a failure names its kind:
 * {@code CREDIT_CODE_FORMAT} or {@code CREDIT_CODE_CHECK_CHARACTER}.
 */
@Constraint(validatedBy = CreditCodeValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidCreditCode {

    String message() default "{zuofeng.creditCode.CREDIT_CODE_FORMAT}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
