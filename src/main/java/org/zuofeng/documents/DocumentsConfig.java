package org.zuofeng.documents;

import io.smallrye.config.ConfigMapping;

/** Formal documents (公文): who issues them and how their numbers begin. */
@ConfigMapping(prefix = "zuofeng.documents")
public interface DocumentsConfig {

    /** The issuing organ, at the head and the foot of every document ({@code ZUOFENG_DOCUMENTS_ORGAN}). */
    String organ();

    /**
     * The organ's short form that begins every document number, 榕纪 in 榕纪通〔2026〕3号
     * ({@code ZUOFENG_DOCUMENTS_NUMBER_PREFIX}).
     */
    String numberPrefix();
}
