package org.zuofeng.accountability;

import org.zuofeng.common.labels.Labelled;

/** Where an accountability case stands; no case is ever deleted. */
public enum CaseStatus implements Labelled {
    OPEN("待处理", "Open"),
    DECIDED("已决定", "Decided"),
    CLOSED("已结案", "Closed"),
    WAIVED("免予追究", "Waived");

    private final String zh;
    private final String en;

    CaseStatus(String zh, String en) {
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
