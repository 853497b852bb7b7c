package org.zuofeng.contacts;

/** A red flag the server raised on a declaration: the stable code of its rule, and what the rule found. */
public record ContactFlag(String code, String rule) {

    /** A meal, gift or travel paid by the business. */
    public static final String PAID_BY_BUSINESS = ContactFlagCode.PAID_BY_BUSINESS.name();
    /** A value over the configured threshold. */
    public static final String OVER_VALUE = ContactFlagCode.OVER_VALUE.name();
    /** Declared later than the configured number of days after the contact. */
    public static final String LATE_DECLARATION = ContactFlagCode.LATE_DECLARATION.name();
    /** A business the official's unit supervises or approves for (items of its power list). */
    public static final String SUPERVISED_BUSINESS = ContactFlagCode.SUPERVISED_BUSINESS.name();
    /** Many officials meeting one business in a short time. */
    public static final String MANY_OFFICIALS = ContactFlagCode.MANY_OFFICIALS.name();
}
