package org.zuofeng.imports;

import org.zuofeng.common.labels.Labelled;

/** What an import did with one row. */
public enum ImportRowStatus implements Labelled {
    CREATED("新建", "Created"),
    UPDATED("更新", "Updated"),
    UNCHANGED("未变", "Unchanged"),
    REJECTED("拒绝", "Rejected");

    private final String zh;
    private final String en;

    ImportRowStatus(String zh, String en) {
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
