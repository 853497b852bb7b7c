package org.zuofeng.assessment;

import org.zuofeng.common.labels.Labelled;

/** Where an assessment is: drafted, in public notice (公示), or final. */
public enum AssessmentStatus implements Labelled {
    DRAFT("草稿", "Draft"),
    PUBLIC_NOTICE("公示中", "In public notice"),
    FINAL("已确定", "Final");

    private final String zh;
    private final String en;

    AssessmentStatus(String zh, String en) {
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
