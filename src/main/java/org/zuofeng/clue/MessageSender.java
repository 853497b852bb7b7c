package org.zuofeng.clue;

import org.zuofeng.common.labels.Labelled;

/** Who wrote a message of a report's conversation. */
public enum MessageSender implements Labelled {
    COMMISSION("纪委监委", "Commission"),
    REPORTER("举报人", "Reporter");

    private final String zh;
    private final String en;

    MessageSender(String zh, String en) {
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
