package org.zuofeng.warning;

import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.Text;
import org.zuofeng.official.Officials;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The check that a typical case's public text identifies nobody: it must not contain the real name of an official of
 * the case it comes from, nor any resident ID number (theirs or anyone's). Bulletins write 张某某, the kind of unit and
 * the post; whatever else the drafter types is theirs to answer for, and a second person approves it.
 */
final class Deidentification {

    /** A resident ID number (GB 11643) anywhere in a text. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");

    private Deidentification() {
    }

    /** A field error for each field (by pointer) that names one of {@code people} or carries an ID number. */
    static List<FieldError> problems(Map<String, String> texts, Collection<Officials.Identity> people) {
        List<FieldError> errors = new ArrayList<>();
        texts.forEach((pointer, text) -> {
            if (people.stream().anyMatch(p -> p.name() != null && p.name().length() > 1 && text.contains(p.name()))) {
                errors.add(new FieldError(pointer, null, Text.of("warning.realName"), "REAL_NAME"));
            } else if (ID_NUMBER.matcher(text).find() || people.stream()
                    .anyMatch(p -> p.idNumber() != null && text.contains(p.idNumber()))) {
                errors.add(new FieldError(pointer, null, Text.of("warning.idNumber"), "ID_NUMBER"));
            }
        });
        return errors;
    }
}
