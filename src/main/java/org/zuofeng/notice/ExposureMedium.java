package org.zuofeng.notice;

import org.zuofeng.common.labels.Labelled;

/**
 * What form a public exposure takes: a written exposure, or an exposé feature (暗访专题片), a video compiled from
 * the evidence of covert inspections, which the commission counts in its yearly report.
 */
public enum ExposureMedium implements Labelled {
    WRITTEN("文字曝光", "Written exposure"),
    VIDEO_FEATURE("暗访专题片", "Exposé feature");

    private final String zh;
    private final String en;

    ExposureMedium(String zh, String en) {
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
