package org.zuofeng.notice;

import org.zuofeng.common.labels.Labelled;

/** Where a notice is in its lifecycle; only drafts have no number. */
public enum NoticeStatus implements Labelled {
    DRAFT("草稿", "Draft"),
    ISSUED("已印发", "Issued"),
    RESPONDED("已反馈", "Responded"),
    RETURNED("已退回", "Returned"),
    ACCEPTED("已认可", "Accepted"),
    CLOSED("已办结", "Closed"),
    WITHDRAWN("已撤回", "Withdrawn");

    private final String zh;
    private final String en;

    NoticeStatus(String zh, String en) {
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
