package org.zuofeng.sync;

import org.zuofeng.common.labels.Labelled;

/** How a pushed mutation fared. */
public enum SyncResultStatus implements Labelled {
    APPLIED("已执行", "Applied"),
    DUPLICATE("重复", "Duplicate"),
    CONFLICT("冲突", "Conflict"),
    REJECTED("被拒绝", "Rejected");

    private final String zh;
    private final String en;

    SyncResultStatus(String zh, String en) {
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
