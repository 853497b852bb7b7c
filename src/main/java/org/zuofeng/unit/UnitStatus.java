package org.zuofeng.unit;

import org.zuofeng.common.labels.Labelled;

/** A unit exists until it is dissolved; a dissolved unit stays readable. */
public enum UnitStatus implements Labelled {
    ACTIVE("存续", "Active"),
    DISSOLVED("已撤销", "Dissolved");

    private final String zh;
    private final String en;

    UnitStatus(String zh, String en) {
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
