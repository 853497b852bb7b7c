package org.zuofeng.inspection;

import org.zuofeng.common.labels.Labelled;

/** The kind of inspection; covert ones stay secret from their targets until completed. */
public enum InspectionType implements Labelled {
    OPEN("明查", "Open inspection"),
    COVERT("暗访", "Covert inspection"),
    SUPERVISION_CHECK("督查", "Supervision check");

    private final String zh;
    private final String en;

    InspectionType(String zh, String en) {
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
