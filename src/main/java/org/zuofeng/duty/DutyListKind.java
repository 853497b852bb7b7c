package org.zuofeng.duty;

import org.zuofeng.common.labels.Labelled;

/** The three lists a unit keeps (§二(四)): what it may do, what it may not, what it must. */
public enum DutyListKind implements Labelled {
    POWER("权力清单", "Power list"),
    NEGATIVE("负面清单", "Negative list"),
    RESPONSIBILITY("责任清单", "Responsibility list");

    private final String zh;
    private final String en;

    DutyListKind(String zh, String en) {
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
