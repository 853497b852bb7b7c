package org.zuofeng.webhooks;

import org.zuofeng.common.labels.Labelled;

/** Whether a subscription receives events. */
public enum WebhookStatus implements Labelled {
    ACTIVE("启用", "Active"),
    DISABLED("停用", "Disabled");

    private final String zh;
    private final String en;

    WebhookStatus(String zh, String en) {
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
