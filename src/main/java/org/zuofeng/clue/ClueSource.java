package org.zuofeng.clue;

import org.zuofeng.common.labels.Labelled;

/** Where a clue came from. */
public enum ClueSource implements Labelled {
    PUBLIC_REPORT("群众举报", "Public report"),
    INSPECTION("监督检查发现", "Inspection finding"),
    AUDIT("审计移送", "Audit"),
    SUPERVISION("日常监督", "Supervision"),
    MEDIA("媒体曝光", "Media"),
    HIGHER_COMMISSION("上级交办", "Higher commission"),
    OTHER("其他", "Other");

    private final String zh;
    private final String en;

    ClueSource(String zh, String en) {
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
