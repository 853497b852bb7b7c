package org.zuofeng.contacts;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks a 统一社会信用代码 ({@link ValidCreditCode}); absent is for {@code @NotBlank} to say. */
public class CreditCodeValidator implements ConstraintValidator<ValidCreditCode, String> {

    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
        if (code == null || code.isEmpty()) {
            return true;
        }
        String problem = CreditCodes.problemOf(code);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.unwrap(HibernateConstraintValidatorContext.class)
                .withDynamicPayload(problem)
                .buildConstraintViolationWithTemplate("{zuofeng.creditCode." + problem + "}")
                .addConstraintViolation();
        return false;
    }
}
