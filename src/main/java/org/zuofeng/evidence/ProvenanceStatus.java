package org.zuofeng.evidence;

import org.zuofeng.common.labels.Labelled;

/** What the server found of a capture's provenance when its bytes were complete. */
public enum ProvenanceStatus implements Labelled {
    VERIFIED("设备签名有效", "Signed on a registered device"),
    UNSIGNED("未签名", "Not signed"),
    INVALID("签名无效", "Signature invalid");

    private final String zh;
    private final String en;

    ProvenanceStatus(String zh, String en) {
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
