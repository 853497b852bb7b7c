package org.zuofeng.exports;

import org.zuofeng.common.labels.Labelled;

/** How an export is written: one JSON object per line, or RFC 4180 CSV in UTF-8 with a BOM. */
public enum ExportFormat implements Labelled {
    NDJSON("NDJSON", "NDJSON"),
    CSV("CSV", "CSV");

    private final String zh;
    private final String en;

    ExportFormat(String zh, String en) {
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
