package org.zuofeng.inspection;

import org.zuofeng.common.labels.Labelled;

/** Where an inspection is in its lifecycle. */
public enum InspectionStatus implements Labelled {
    PLANNED("计划中", "Planned"),
    IN_PROGRESS("进行中", "In progress"),
    COMPLETED("已完成", "Completed"),
    CANCELLED("已取消", "Cancelled");

    private final String zh;
    private final String en;

    InspectionStatus(String zh, String en) {
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
