package org.zuofeng.warning;

import org.zuofeng.common.labels.Labelled;

/** A typical case drafted, or published after a second person's approval. */
public enum TypicalCaseStatus implements Labelled {
    DRAFT("草稿", "Draft"),
    PUBLISHED("已发布", "Published");

    private final String zh;
    private final String en;

    TypicalCaseStatus(String zh, String en) {
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
