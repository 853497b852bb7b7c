package org.zuofeng.clue;

import org.zuofeng.common.labels.Labelled;

/** What a real-name reporter must be told, each within its deadline. */
public enum ReporterTold implements Labelled {
    ACCEPTANCE("受理告知", "Acceptance"),
    RESULT("结果反馈", "Result");

    private final String zh;
    private final String en;

    ReporterTold(String zh, String en) {
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
