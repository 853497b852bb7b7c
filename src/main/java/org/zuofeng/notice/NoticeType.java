package org.zuofeng.notice;

import org.zuofeng.common.labels.Labelled;

/** The commission's four ways of acting on findings. */
public enum NoticeType implements Labelled {
    SITUATION_BULLETIN("情况通报", "Situation bulletin"),
    RECTIFICATION_NOTICE("整改通知", "Rectification notice"),
    ADMONITION_TALK("约谈", "Admonition talk"),
    PUBLIC_EXPOSURE("曝光", "Public exposure");

    private final String zh;
    private final String en;

    NoticeType(String zh, String en) {
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
