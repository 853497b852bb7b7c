package org.zuofeng.clue;

import org.zuofeng.common.labels.Labelled;

/** The four ways the rules allow a clue to be handled. */
public enum ClueWay implements Labelled {
    TALK_OR_INQUIRY("谈话函询", "Talk or written inquiry", ClueStatus.IN_HANDLING),
    PRELIMINARY_VERIFICATION("初步核实", "Preliminary verification", ClueStatus.IN_HANDLING),
    HOLD("暂存待查", "Hold for later", ClueStatus.HELD),
    CLOSE("予以了结", "Close", ClueStatus.CONCLUDED);

    private final String zh;
    private final String en;
    private final ClueStatus approved;

    ClueWay(String zh, String en, ClueStatus approved) {
        this.zh = zh;
        this.en = en;
        this.approved = approved;
    }

    /** Where an approved proposal of this way puts the clue. */
    ClueStatus approved() {
        return approved;
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
