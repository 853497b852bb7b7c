package org.zuofeng.accountability;

import org.zuofeng.common.labels.Labelled;

/** How far an overdue rectification notice has been escalated. */
public enum EscalationStage implements Labelled {
    /** A draft admonition talk summoning the addressed units' leaders. */
    TALK("约谈", "Admonition talk drafted"),
    /** Leadership-responsibility cases opened against the deputies in charge. */
    CASE("问责", "Accountability cases opened");

    private final String zh;
    private final String en;

    EscalationStage(String zh, String en) {
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
