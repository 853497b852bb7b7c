package org.zuofeng.accountability;

import org.zuofeng.common.labels.Labelled;

/**
 * The measures the law names (§二(三)), each in its family and flagged: the organisational measures of
 * accountability (诫勉谈话, 通报批评, 调离岗位, 责令辞职, 降职, 免职, 终止职务), the party discipline of the CPC Disciplinary
 * Regulations (警告, 严重警告, 撤销党内职务, 留党察看, 开除党籍) and the government sanctions of the Law on Governmental
 * Sanctions for Public Employees (警告, 记过, 记大过, 降级, 撤职, 开除). The two ladders are disciplinary sanctions (党纪政纪处分);
 * a measure that ends a post ends the official's posts in the case's unit on the day of the decision.
 */
public enum Measure implements Labelled {
    ADMONISHMENT_TALK("诫勉谈话", "Admonishment talk", Family.ORGANISATIONAL, false),
    CRITICISM_BULLETIN("通报批评", "Criticism bulletin", Family.ORGANISATIONAL, false),
    TRANSFER("调离岗位", "Transfer from post", Family.ORGANISATIONAL, true),
    PARTY_WARNING("党内警告", "Party warning", Family.PARTY_DISCIPLINE, false),
    SERIOUS_PARTY_WARNING("党内严重警告", "Serious party warning", Family.PARTY_DISCIPLINE, false),
    REMOVAL_FROM_PARTY_POST("撤销党内职务", "Removal from party posts", Family.PARTY_DISCIPLINE, false),
    PARTY_PROBATION("留党察看", "Probation within the party", Family.PARTY_DISCIPLINE, false),
    EXPULSION_FROM_PARTY("开除党籍", "Expulsion from the party", Family.PARTY_DISCIPLINE, true),
    GOVERNMENT_WARNING("政务警告", "Government warning", Family.GOVERNMENT_SANCTION, false),
    DEMERIT("记过", "Demerit", Family.GOVERNMENT_SANCTION, false),
    MAJOR_DEMERIT("记大过", "Major demerit", Family.GOVERNMENT_SANCTION, false),
    DEMOTION_IN_GRADE("降级", "Demotion in grade", Family.GOVERNMENT_SANCTION, false),
    REMOVAL_FROM_OFFICE("撤职", "Removal from office", Family.GOVERNMENT_SANCTION, true),
    EXPULSION("开除", "Expulsion from public employment", Family.GOVERNMENT_SANCTION, true),
    ORDERED_RESIGNATION("责令辞职", "Ordered resignation", Family.ORGANISATIONAL, true),
    DEMOTION("降职", "Demotion", Family.ORGANISATIONAL, true),
    DISMISSAL("免职", "Dismissal", Family.ORGANISATIONAL, true),
    TERMINATION_OF_POST("终止职务", "Termination of post", Family.ORGANISATIONAL, true);

    /** Which body of rules a measure comes from. */
    public enum Family {
        /** Organisational measures of accountability (组织处理): not a sanction. */
        ORGANISATIONAL,
        /** Party discipline (党纪处分) under the CPC Disciplinary Regulations. */
        PARTY_DISCIPLINE,
        /** Government sanctions (政务处分) under the Law on Governmental Sanctions for Public Employees. */
        GOVERNMENT_SANCTION
    }

    private final String zh;
    private final String en;
    private final Family family;
    private final boolean endsPost;

    Measure(String zh, String en, Family family, boolean endsPost) {
        this.zh = zh;
        this.en = en;
        this.family = family;
        this.endsPost = endsPost;
    }

    public Family family() {
        return family;
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
        return family != Family.ORGANISATIONAL;
    }

    /** Ends the official's post in the case's unit on the decision date. */
    public boolean endsPost() {
        return endsPost;
    }
}
