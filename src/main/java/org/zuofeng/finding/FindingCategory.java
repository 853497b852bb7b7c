package org.zuofeng.finding;

import org.zuofeng.common.labels.Labelled;

/** The three kinds of failing to do the job named in the report's title line. */
public enum FindingCategory implements Labelled {
    INACTION("不作为", "Inaction"),
    SLOW_ACTION("慢作为", "Slow action"),
    MISCONDUCT("乱作为", "Misconduct");

    private final String zh;
    private final String en;

    FindingCategory(String zh, String en) {
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
