package org.zuofeng.imports;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What an import did (or, in a dry run, would do): a count per outcome, and each row's. */
public record ImportReport(ImportEntity entity, boolean dryRun, Map<ImportRowStatus, Long> counts, List<Row> rows) {

    /** One row: its number in the file (1 for the first record), what came of it, the record, why it was refused. */
    public record Row(int row, ImportRowStatus status, UUID id, Map<String, Object> problem) {
    }
}
