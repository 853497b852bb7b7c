package org.zuofeng.imports;

/** How an import's body is written: RFC 4180 CSV with a header row, or one JSON object per line. */
public enum ImportFormat {
    CSV,
    NDJSON
}
