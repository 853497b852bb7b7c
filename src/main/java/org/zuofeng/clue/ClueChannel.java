package org.zuofeng.clue;

import org.zuofeng.common.labels.Labelled;

/** The channel a clue came in by: public reports online; letters, visits and calls as the commission records them. */
public enum ClueChannel implements Labelled {
    ONLINE("网络举报", "Online"),
    LETTER("来信", "Letter"),
    VISIT("来访", "Visit"),
    PHONE("电话举报", "Phone (12388)"),
    OTHER("其他", "Other");

    private final String zh;
    private final String en;

    ClueChannel(String zh, String en) {
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
