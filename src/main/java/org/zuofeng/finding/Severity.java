package org.zuofeng.finding;

import org.zuofeng.common.labels.Labelled;

/** How serious a finding is. */
public enum Severity implements Labelled {
    MINOR("轻微", "Minor"),
    MODERATE("一般", "Moderate"),
    SERIOUS("严重", "Serious");

    private final String zh;
    private final String en;

    Severity(String zh, String en) {
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
