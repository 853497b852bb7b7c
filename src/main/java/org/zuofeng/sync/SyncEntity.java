package org.zuofeng.sync;

import org.zuofeng.common.labels.Labelled;

/** The kinds of record a device keeps a copy of. */
public enum SyncEntity implements Labelled {
    UNIT("单位", "Unit"),
    OFFICIAL("干部", "Official"),
    INSPECTION("检查", "Inspection"),
    FINDING("问题", "Finding"),
    EVIDENCE("证据", "Evidence");

    private final String zh;
    private final String en;

    SyncEntity(String zh, String en) {
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
