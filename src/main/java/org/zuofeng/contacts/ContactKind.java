package org.zuofeng.contacts;

import org.zuofeng.common.labels.Labelled;

/** The kind of a contact with a business, as the register's rules name them. */
public enum ContactKind implements Labelled {
    MEETING("会见", "Meeting"),
    VISIT("考察调研", "Visit"),
    MEAL("宴请或用餐", "Banquet or meal"),
    GIFT("礼品礼金", "Gift"),
    TRAVEL("出行安排", "Travel"),
    HELP("帮助办事", "Help with an approval or a problem");

    private final String zh;
    private final String en;

    ContactKind(String zh, String en) {
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
