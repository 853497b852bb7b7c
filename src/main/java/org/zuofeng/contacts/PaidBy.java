package org.zuofeng.contacts;

import org.zuofeng.common.labels.Labelled;

/** Who paid for a contact's meal, gift or travel. */
public enum PaidBy implements Labelled {
    OFFICIAL("本人", "The official"),
    BUSINESS("企业", "The business"),
    SHARED("分摊", "Shared"),
    PUBLIC_FUNDS("公务接待", "Official hospitality funds"),
    NO_COST("无费用", "No cost");

    private final String zh;
    private final String en;

    PaidBy(String zh, String en) {
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
