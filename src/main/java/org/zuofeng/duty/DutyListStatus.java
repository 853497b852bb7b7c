package org.zuofeng.duty;

import org.zuofeng.common.labels.Labelled;

/** Where a version of a list is: drafted, or published (and then never changed). */
public enum DutyListStatus implements Labelled {
    DRAFT("草稿", "Draft"),
    PUBLISHED("已发布", "Published");

    private final String zh;
    private final String en;

    DutyListStatus(String zh, String en) {
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
