package org.zuofeng.documents;

import jakarta.enterprise.context.ApplicationScoped;

/** Document numbers (发文字号) in the form GB/T 9704 sets: the organ's prefix, the series, 〔year〕 and the number. */
@ApplicationScoped
public class DocumentNumbers {

    private final String prefix;

    public DocumentNumbers(DocumentsConfig config) {
        this.prefix = config.numberPrefix();
    }

    /** E.g. 榕纪通〔2026〕3号 for series 通; null while the record has no number. */
    public String of(String series, Integer year, Integer sequence) {
        return year == null || sequence == null ? null : prefix + series + "〔" + year + "〕" + sequence + "号";
    }
}
