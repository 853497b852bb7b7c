package org.zuofeng.official;

import org.zuofeng.common.labels.Labelled;

/** The part a post plays in its unit's leadership. */
public enum PostRole implements Labelled {
    /** 一把手: the head of the unit; at most one per unit on any day. */
    PRINCIPAL("一把手", "Principal"),
    /**
     * 主持工作 / 代理: who leads the unit in the principal's stead (a deputy presiding over its work while the post is
     * vacant, or an acting head); at most one per unit on any day. Where there is no principal, the acting principal
     * answers as the head: summoned to admonition talks, held to account in 一案双查.
     */
    ACTING_PRINCIPAL("主持工作", "Acting principal"),
    /** 分管领导: the leader in charge of an area ({@code responsibility}). */
    DEPUTY_IN_CHARGE("分管领导", "Deputy in charge"),
    LEADERSHIP_MEMBER("领导班子成员", "Leadership member"),
    STAFF("工作人员", "Staff"),
    /** 村(居)两委成员: member of a village or residents' committee's two committees. */
    TWO_COMMITTEES_MEMBER("村(居)两委成员", "Two-committees member");

    private final String zh;
    private final String en;

    PostRole(String zh, String en) {
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
