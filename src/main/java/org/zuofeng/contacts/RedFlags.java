package org.zuofeng.contacts;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The red flags a declaration raises, each under its rule's stable code ({@link ContactFlag}) with what the rule
 * found, by the rules configured ({@link ContactsConfig}). The flags are computed once, when the contact is declared,
 * from what was declared and what the register held then.
 */
@ApplicationScoped
public class RedFlags {

    /** What the flags look at beyond the declaration: the day it was declared, and the business's other officials. */
    record Context(LocalDate declaredOn, List<ContactView.PowerItem> powerItems, long officialsMeetingBusiness) {
    }

    private final ContactsConfig config;

    public RedFlags(ContactsConfig config) {
        this.config = config;
    }

    List<ContactFlag> of(ContactWrite write, Context context) {
        List<ContactFlag> flags = new ArrayList<>();
        boolean accepted = !Boolean.TRUE.equals(write.declined());
        if (accepted && write.paidBy() == PaidBy.BUSINESS && config.paidByBusinessKinds().contains(write.kind())) {
            flags.add(new ContactFlag(ContactFlag.PAID_BY_BUSINESS, write.kind() + " paid by the business; the rule"
                    + " flags " + config.paidByBusinessKinds().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(", ")) + " a business pays for"));
        }
        BigDecimal over = config.valueOver();
        if (accepted && write.value() != null && write.value().compareTo(over) > 0) {
            flags.add(new ContactFlag(ContactFlag.OVER_VALUE, "value " + write.value().toPlainString()
                    + " yuan, over the threshold of " + over.toPlainString()));
        }
        LocalDate due = write.occurredOn().plus(config.declareWithin());
        if (context.declaredOn().isAfter(due)) {
            flags.add(new ContactFlag(ContactFlag.LATE_DECLARATION, "declared on " + context.declaredOn()
                    + ", later than " + config.declareWithin() + " after the contact on " + write.occurredOn()));
        }
        if (!context.powerItems().isEmpty()) {
            flags.add(new ContactFlag(ContactFlag.SUPERVISED_BUSINESS, "the official's unit exercises power over the"
                    + " business: " + context.powerItems().stream().map(i -> i.code() + " " + i.name())
                    .collect(Collectors.joining("; "))));
        }
        if (context.officialsMeetingBusiness() >= config.manyOfficials()) {
            flags.add(new ContactFlag(ContactFlag.MANY_OFFICIALS, context.officialsMeetingBusiness()
                    + " officials declared contacts with this business within " + config.manyOfficialsWithin()
                    + " up to " + write.occurredOn() + "; the rule flags " + config.manyOfficials()));
        }
        return flags;
    }
}
