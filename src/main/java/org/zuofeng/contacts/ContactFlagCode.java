package org.zuofeng.contacts;

import org.zuofeng.common.labels.Labelled;

/** The stable codes of the register's red-flag rules ({@link ContactFlag}). */
public enum ContactFlagCode implements Labelled {
    PAID_BY_BUSINESS("企业支付费用", "Paid by the business"),
    OVER_VALUE("超过价值限额", "Over the value threshold"),
    LATE_DECLARATION("逾期报备", "Declared late"),
    SUPERVISED_BUSINESS("本单位管理服务对象", "A business the unit has power over"),
    MANY_OFFICIALS("多名干部密集接触", "Many officials meeting one business");

    private final String zh;
    private final String en;

    ContactFlagCode(String zh, String en) {
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
