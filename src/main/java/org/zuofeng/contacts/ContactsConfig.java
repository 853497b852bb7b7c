package org.zuofeng.contacts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Set;

/** The red-flag rules of the 亲清 register ({@code zuofeng.contacts.*}); each flag names its rule's stable code. */
@ConfigMapping(prefix = "zuofeng.contacts")
public interface ContactsConfig {

    /** {@code PAID_BY_BUSINESS}: the kinds of contact a business must not pay for. */
    @WithDefault("MEAL,GIFT,TRAVEL")
    Set<ContactKind> paidByBusinessKinds();

    /** {@code OVER_VALUE}: the value (yuan) above which it is flagged ({@code ZUOFENG_CONTACTS_VALUE_OVER}). */
    @WithDefault("200")
    BigDecimal valueOver();

    /** {@code LATE_DECLARATION}: how long after it a contact is declared in time ({@code …_DECLARE_WITHIN}). */
    @WithDefault("P5D")
    Period declareWithin();

    /**
     * {@code MANY_OFFICIALS}: how many distinct officials (this one included) declaring contacts with one business
     * within {@link #manyOfficialsWithin()} before the contact raise the flag
     * ({@code ZUOFENG_CONTACTS_MANY_OFFICIALS}).
     */
    @WithDefault("3")
    int manyOfficials();

    /** The period {@link #manyOfficials()} counts over ({@code ZUOFENG_CONTACTS_MANY_OFFICIALS_WITHIN}). */
    @WithDefault("P30D")
    Period manyOfficialsWithin();
}
