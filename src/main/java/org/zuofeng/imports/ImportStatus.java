package org.zuofeng.imports;

import org.zuofeng.common.labels.Labelled;

/** Where an import in the background stands. */
public enum ImportStatus implements Labelled {
    QUEUED("排队中", "Queued"),
    RUNNING("导入中", "Running"),
    DONE("已完成", "Done"),
    FAILED("失败", "Failed");

    private final String zh;
    private final String en;

    ImportStatus(String zh, String en) {
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
