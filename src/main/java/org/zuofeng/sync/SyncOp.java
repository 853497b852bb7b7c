package org.zuofeng.sync;

import org.zuofeng.common.labels.Labelled;

/** What a device does with its copy of a record. */
public enum SyncOp implements Labelled {
    UPSERT("新增或更新", "Upsert"),
    REMOVE("移除", "Remove");

    private final String zh;
    private final String en;

    SyncOp(String zh, String en) {
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
