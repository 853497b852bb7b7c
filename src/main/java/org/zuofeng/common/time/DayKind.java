package org.zuofeng.common.time;

import org.zuofeng.common.labels.Labelled;

/** What the year's calendar says of a day, against the rule that weekdays are worked and weekends are not. */
public enum DayKind implements Labelled {
    /** A public holiday: not worked, even on a weekday. */
    HOLIDAY("法定节假日", "Public holiday"),
    /** A make-up working day (调休): worked, even on a weekend. */
    WORKDAY("调休上班", "Make-up working day");

    private final String zh;
    private final String en;

    DayKind(String zh, String en) {
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
