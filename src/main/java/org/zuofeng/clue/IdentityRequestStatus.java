package org.zuofeng.clue;

import org.zuofeng.common.labels.Labelled;

/** Where a request to read a reporter's identity stands. */
public enum IdentityRequestStatus implements Labelled {
    PENDING("待审批", "Pending"),
    APPROVED("已批准", "Approved"),
    REFUSED("不予批准", "Refused");

    private final String zh;
    private final String en;

    IdentityRequestStatus(String zh, String en) {
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
