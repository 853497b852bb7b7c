package org.zuofeng.official;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Checks a resident ID number against its rules and reports each failure at {@code /idNumber} with a precise code;
 * the number itself never appears in a message (each code has its message in {@code ValidationMessages}).
 */
public class IdNumberValidator implements ConstraintValidator<ValidIdNumber, OfficialWrite> {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public boolean isValid(OfficialWrite official, ConstraintValidatorContext context) {
        String error = problemOf(official.idNumber(), official.birthDate());
        if (error == null) {
            return true;
        }
        String[] parts = error.split(":", 2);
        context.disableDefaultConstraintViolation();
        context.unwrap(HibernateConstraintValidatorContext.class)
                .withDynamicPayload(parts[0])
                .buildConstraintViolationWithTemplate("{zuofeng.idNumber." + parts[0] + "}")
                .addPropertyNode("idNumber")
                .addConstraintViolation();
        return false;
    }

    /** {@code CODE:message} of the first rule the number breaks, or null when it is valid (or absent). */
    static String problemOf(String idNumber, LocalDate birthDate) {
        if (idNumber == null) {
            return null;
        }
        if (!FORMAT.matcher(idNumber).matches()) {
            return "ID_NUMBER_FORMAT:must be 18 characters: 17 digits and a check digit or an upper-case X";
        }
        LocalDate embedded;
        try {
            embedded = LocalDate.parse(idNumber.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeParseException e) {
            return "ID_NUMBER_BIRTH_DATE_INVALID:the birth date it contains is not a real date";
        }
        if (birthDate != null && !embedded.equals(birthDate)) {
            return "ID_NUMBER_BIRTH_DATE_MISMATCH:the birth date it contains differs from birthDate";
        }
        if (checkCharacter(idNumber) != idNumber.charAt(17)) {
            return "ID_NUMBER_CHECK_DIGIT:the check digit is wrong";
        }
        return null;
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    static char checkCharacter(String idNumber) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (idNumber.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
