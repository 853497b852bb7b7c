package org.zuofeng.webhooks;

import org.zuofeng.common.labels.Labelled;

/**
 * Whether a subscription receives events: active; disabled (by its owner, or by a receiver's 410); lapsed (its
 * owner has not renewed it, by changing it, for the configured days).
 */
public enum WebhookStatus implements Labelled {
    ACTIVE("启用", "Active"),
    DISABLED("停用", "Disabled"),
    LAPSED("授权过期", "Lapsed");

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
