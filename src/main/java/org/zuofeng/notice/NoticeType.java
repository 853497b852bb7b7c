package org.zuofeng.notice;

import org.zuofeng.common.labels.Labelled;

/** The commission's four ways of acting on findings. */
public enum NoticeType implements Labelled {
    SITUATION_BULLETIN("情况通报", "Situation bulletin", "通"),
    RECTIFICATION_NOTICE("整改通知", "Rectification notice", "改"),
    ADMONITION_TALK("约谈", "Admonition talk", "谈"),
    PUBLIC_EXPOSURE("曝光", "Public exposure", "曝");

    private final String zh;
    private final String en;
    private final String series;

    NoticeType(String zh, String en, String series) {
        this.zh = zh;
        this.en = en;
        this.series = series;
    }

    /** The series in the document number: 通 in 榕纪通〔2026〕3号. */
    public String series() {
        return series;
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
