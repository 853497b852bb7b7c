package org.zuofeng.clue;

/** What a reporter gets for a report: the receipt, shown once and never again, and where the report stands. */
public record PublicReportReceipt(String receipt, String receiptGrouped, ReportStatus status, boolean realName) {

    static PublicReportReceipt of(String receipt, boolean realName) {
        String grouped = String.join(" ", receipt.substring(0, 4), receipt.substring(4, 8), receipt.substring(8, 12),
                receipt.substring(12));
        return new PublicReportReceipt(receipt, grouped, ReportStatus.RECEIVED, realName);
    }
}
