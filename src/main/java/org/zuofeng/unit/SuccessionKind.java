package org.zuofeng.unit;

import org.zuofeng.common.labels.Labelled;

/** How a unit went into another: merged (two or more units became one) or split (one unit became several). */
public enum SuccessionKind implements Labelled {
    MERGER("合并", "Merger"),
    SPLIT("分设", "Split");

    private final String zh;
    private final String en;

    SuccessionKind(String zh, String en) {
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
