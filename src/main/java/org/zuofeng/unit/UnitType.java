package org.zuofeng.unit;

import org.zuofeng.common.labels.Labelled;

/** What kind of body a unit is. */
public enum UnitType implements Labelled {
    DISTRICT("区", "District"),
    AGENCY("区直单位", "District agency"),
    SUBDISTRICT("街道", "Sub-district"),
    VILLAGE_COMMITTEE("村委会", "Village committee"),
    RESIDENTS_COMMITTEE("居委会", "Residents' committee");

    private final String zh;
    private final String en;

    UnitType(String zh, String en) {
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
