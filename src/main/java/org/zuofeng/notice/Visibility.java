package org.zuofeng.notice;

import org.zuofeng.common.labels.Labelled;

/** Who may read an issued notice: the addressees and the commission, or the public too. */
public enum Visibility implements Labelled {
    INTERNAL("内部", "Internal"),
    PUBLIC("公开", "Public");

    private final String zh;
    private final String en;

    Visibility(String zh, String en) {
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
