package org.zuofeng.accountability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;
import java.util.Optional;

/** When an overdue rectification notice is escalated ({@code zuofeng.escalation.*}). */
@ConfigMapping(prefix = "zuofeng.escalation")
public interface EscalationConfig {

    /**
     * How long after its deadline a rectification notice still not accepted gets a draft admonition talk
     * ({@code ZUOFENG_ESCALATION_TALK_AFTER}).
     */
    @WithDefault("P5D")
    Period talkAfter();

    /**
     * How long after its deadline it gets leadership-responsibility cases against the deputies in charge
     * ({@code ZUOFENG_ESCALATION_CASE_AFTER}); empty: never.
     */
    Optional<Period> caseAfter();
}
