package org.zuofeng.contacts;

import org.zuofeng.common.labels.Labelled;

/** Where a declaration stands in the commission's review. */
public enum ContactStatus implements Labelled {
    DECLARED("已报备", "Declared"),
    ACCEPTED("已认可", "Accepted"),
    QUESTIONED("已质询", "Questioned"),
    REFERRED("已移送线索", "Referred as a clue");

    private final String zh;
    private final String en;

    ContactStatus(String zh, String en) {
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
