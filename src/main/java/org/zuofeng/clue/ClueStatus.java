package org.zuofeng.clue;

import org.zuofeng.common.labels.Labelled;

/** Where a clue stands in the register. */
public enum ClueStatus implements Labelled {
    /** Registered and numbered, awaiting a proposal of how it is handled. */
    REGISTERED("已登记", "Registered", ReportStatus.RECEIVED),
    /** A way of handling it is proposed, awaiting another member's approval. */
    PROPOSED("拟办待批", "Proposed", ReportStatus.ACCEPTED),
    /** Under talk or inquiry, or preliminary verification. */
    IN_HANDLING("办理中", "In handling", ReportStatus.IN_HANDLING),
    /** Held for later (暂存待查); a new way may be proposed. */
    HELD("暂存待查", "Held", ReportStatus.ACCEPTED),
    CONCLUDED("已办结", "Concluded", ReportStatus.CONCLUDED);

    private final String zh;
    private final String en;
    private final ReportStatus forReporter;

    ClueStatus(String zh, String en, ReportStatus forReporter) {
        this.zh = zh;
        this.en = en;
        this.forReporter = forReporter;
    }

    /** What the reporter of a public report is told of it. */
    ReportStatus forReporter() {
        return forReporter;
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
