package org.zuofeng.accountability;

import org.zuofeng.common.labels.Labelled;

/** Accountability measures (§二(三)), in rising order of severity. */
public enum Measure implements Labelled {
    ADMONISHMENT_TALK("诫勉谈话", "Admonishment talk", false, false),
    CRITICISM_BULLETIN("通报批评", "Criticism bulletin", false, false),
    TRANSFER("调离岗位", "Transfer from post", false, true),
    PARTY_WARNING("党内警告", "Party warning", true, false),
    DEMERIT("记过", "Demerit", true, false),
    DEMOTION("降职", "Demotion", false, true),
    DISMISSAL("免职", "Dismissal", false, true),
    TERMINATION_OF_POST("终止职务", "Termination of post", false, true);

    private final String zh;
    private final String en;
    private final boolean disciplinarySanction;
    private final boolean endsPost;

    Measure(String zh, String en, boolean disciplinarySanction, boolean endsPost) {
        this.zh = zh;
        this.en = en;
        this.disciplinarySanction = disciplinarySanction;
        this.endsPost = endsPost;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }

    /** A party or government disciplinary sanction (党纪政纪处分). */
    public boolean disciplinarySanction() {
        return disciplinarySanction;
    }

    /** Ends the official's post in the case's unit on the decision date. */
    public boolean endsPost() {
        return endsPost;
    }
}
