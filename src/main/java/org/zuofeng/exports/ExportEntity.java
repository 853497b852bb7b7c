package org.zuofeng.exports;

import org.zuofeng.common.labels.Labelled;

/** What can be exported in bulk: each as its list endpoint shows it. */
public enum ExportEntity implements Labelled {
    UNIT("单位", "Units"),
    OFFICIAL("干部", "Officials"),
    POST("职务", "Posts"),
    INSPECTION("检查", "Inspections"),
    FINDING("问题", "Findings"),
    NOTICE("通知通报", "Notices"),
    CASE("问责案件", "Accountability cases"),
    ASSESSMENT("考核", "Assessments");

    private final String zh;
    private final String en;

    ExportEntity(String zh, String en) {
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
