package org.zuofeng.sync;

import org.zuofeng.common.labels.Labelled;

/** What a pushed mutation changes: a record, or a record's lifecycle. */
public enum SyncMutationEntity implements Labelled {
    INSPECTION("检查", "Inspection"),
    FINDING("问题", "Finding"),
    INSPECTION_TRANSITION("检查状态变更", "Inspection transition"),
    FINDING_TRANSITION("问题状态变更", "Finding transition");

    private final String zh;
    private final String en;

    SyncMutationEntity(String zh, String en) {
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
