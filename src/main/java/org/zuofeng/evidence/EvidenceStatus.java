package org.zuofeng.evidence;

import org.zuofeng.common.labels.Labelled;

/** Evidence is never deleted; an admin can withdraw it, which hides it and keeps it. */
public enum EvidenceStatus implements Labelled {
    ACTIVE("有效", "Active"),
    WITHDRAWN("已撤回", "Withdrawn");

    private final String zh;
    private final String en;

    EvidenceStatus(String zh, String en) {
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
