package org.zuofeng.clue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** The deadlines of the rules for handling clues and answering real-name reporters. */
@ConfigMapping(prefix = "zuofeng.clues")
public interface ClueConfig {

    /** How long after receipt a way of handling must be proposed ({@code ZUOFENG_CLUES_PROPOSAL_WITHIN}). */
    @WithDefault("P1M")
    Period proposalWithin();

    /**
     * Working days within which a real-name reporter is told of acceptance (from receipt) and of the result (from
     * the conclusion) ({@code ZUOFENG_CLUES_REPORTER_TOLD_WITHIN}).
     */
    @WithDefault("15")
    int reporterToldWithin();
}
