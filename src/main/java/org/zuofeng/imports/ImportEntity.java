package org.zuofeng.imports;

import org.zuofeng.common.labels.Labelled;

/** What can be imported in bulk from the personnel system: the unit tree, officials, and their posts. */
public enum ImportEntity implements Labelled {
    UNIT("单位", "Units"),
    OFFICIAL("干部", "Officials"),
    POST("职务", "Posts");

    private final String zh;
    private final String en;

    ImportEntity(String zh, String en) {
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
