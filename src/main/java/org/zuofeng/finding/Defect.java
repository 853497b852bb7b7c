package org.zuofeng.finding;

import org.zuofeng.common.labels.Labelled;

/** The work-style defects named in §一(一): mediocrity, laziness, laxity. */
public enum Defect implements Labelled {
    MEDIOCRITY("庸", "Mediocrity"),
    LAZINESS("懒", "Laziness"),
    LAXITY("散", "Laxity");

    private final String zh;
    private final String en;

    Defect(String zh, String en) {
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
