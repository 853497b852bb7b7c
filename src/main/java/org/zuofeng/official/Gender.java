package org.zuofeng.official;

import org.zuofeng.common.labels.Labelled;

/** An official's gender, as on the resident ID. */
public enum Gender implements Labelled {
    MALE("男", "Male"),
    FEMALE("女", "Female");

    private final String zh;
    private final String en;

    Gender(String zh, String en) {
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
