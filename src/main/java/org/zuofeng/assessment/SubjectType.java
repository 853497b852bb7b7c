package org.zuofeng.assessment;

import org.zuofeng.common.labels.Labelled;

/** Who a scheme assesses. */
public enum SubjectType implements Labelled {
    OFFICIAL("机关干部", "Official"),
    LEADERSHIP_TEAM("领导班子", "Leadership team"),
    VILLAGE_CADRE("村(居)干部", "Village cadre");

    private final String zh;
    private final String en;

    SubjectType(String zh, String en) {
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
