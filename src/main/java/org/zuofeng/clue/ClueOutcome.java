package org.zuofeng.clue;

import org.zuofeng.common.labels.Labelled;

/** What handling a clue found. */
public enum ClueOutcome implements Labelled {
    UNFOUNDED("不属实", "Unfounded"),
    PARTLY_FOUNDED("部分属实", "Partly founded"),
    FOUNDED("属实", "Founded");

    private final String zh;
    private final String en;

    ClueOutcome(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }
}
