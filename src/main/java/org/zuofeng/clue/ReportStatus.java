package org.zuofeng.clue;

import org.zuofeng.common.labels.Labelled;

/** What the reporter of a public report is told of where it stands; never who handles it. */
public enum ReportStatus implements Labelled {
    RECEIVED("已收到", "Received"),
    ACCEPTED("已受理", "Accepted"),
    IN_HANDLING("办理中", "In handling"),
    CONCLUDED("已办结", "Concluded");

    private final String zh;
    private final String en;

    ReportStatus(String zh, String en) {
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
