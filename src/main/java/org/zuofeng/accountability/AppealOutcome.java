package org.zuofeng.accountability;

import org.zuofeng.common.labels.Labelled;

/** How an appeal (申诉) ended. */
public enum AppealOutcome implements Labelled {
    UPHELD("维持原决定", "Upheld"),
    REVISED("变更决定", "Revised");

    private final String zh;
    private final String en;

    AppealOutcome(String zh, String en) {
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
