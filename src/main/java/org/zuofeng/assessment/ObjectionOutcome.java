package org.zuofeng.assessment;

import org.zuofeng.common.labels.Labelled;

/** How an objection raised during public notice ended. */
public enum ObjectionOutcome implements Labelled {
    UPHELD("异议成立", "Upheld"),
    DISMISSED("异议不成立", "Dismissed");

    private final String zh;
    private final String en;

    ObjectionOutcome(String zh, String en) {
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
