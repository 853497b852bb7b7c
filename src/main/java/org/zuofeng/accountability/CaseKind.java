package org.zuofeng.accountability;

import org.zuofeng.common.labels.Labelled;

/** Whom a case pursues: the violator, or a leader who failed in the duty to supervise (一案双查). */
public enum CaseKind implements Labelled {
    VIOLATION("直接责任", "Violation"),
    LEADERSHIP_RESPONSIBILITY("领导责任", "Leadership responsibility");

    private final String zh;
    private final String en;

    CaseKind(String zh, String en) {
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
