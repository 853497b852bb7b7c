package org.zuofeng.finding;

import org.zuofeng.common.labels.Labelled;

/** Where a finding is in its lifecycle, from recorded to verified as fixed (or dismissed). */
public enum FindingStatus implements Labelled {
    OPEN("待整改", "Open"),
    RECTIFYING("整改中", "Being rectified"),
    RECTIFIED("已整改", "Rectified"),
    VERIFIED("已核实", "Verified"),
    DISMISSED("不予认定", "Dismissed");

    private final String zh;
    private final String en;

    FindingStatus(String zh, String en) {
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
