package org.zuofeng.assessment;

import org.zuofeng.common.labels.Labelled;

/** The four grades, best first (the declaration order is the ranking). */
public enum Grade implements Labelled {
    EXCELLENT("优秀", "Excellent"),
    COMPETENT("称职", "Competent"),
    BASICALLY_COMPETENT("基本称职", "Basically competent"),
    INCOMPETENT("不称职", "Incompetent");

    private final String zh;
    private final String en;

    Grade(String zh, String en) {
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
