package org.zuofeng.common.config;

/**
 * Bounds on settings, checked as the configuration is read. Not Bean Validation: constraints on a
 * {@code @ConfigMapping} make Quarkus build a second Hibernate Validator factory on every start, for config alone.
 */
final class Bounds {

    private Bounds() {
    }

    static Integer atLeast(int least, String value) {
        int number = Integer.parseInt(value.trim());
        if (number < least) {
            throw new IllegalArgumentException("must be at least " + least + ", is " + number);
        }
        return number;
    }
}
