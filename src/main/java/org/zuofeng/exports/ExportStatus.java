package org.zuofeng.exports;

import org.zuofeng.common.labels.Labelled;

/** Where an export job is. */
public enum ExportStatus implements Labelled {
    QUEUED("排队中", "Queued"),
    RUNNING("进行中", "Running"),
    DONE("已完成", "Done"),
    FAILED("失败", "Failed"),
    EXPIRED("已过期", "Expired");

    private final String zh;
    private final String en;

    ExportStatus(String zh, String en) {
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
