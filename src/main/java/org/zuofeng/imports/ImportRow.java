package org.zuofeng.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.util.Map;
import java.util.UUID;

/** What came of one row of an import run in the background, kept for its requester to page through. */
@Entity
@Table(name = "import_rows")
@IdClass(ImportRow.Key.class)
public class ImportRow {

    /** A row of an import. */
    public record Key(UUID importId, int row) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "import_id")
    public UUID importId;

    @Id
    public int row;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportRowStatus status;

    @Column(name = "entity_id")
    public UUID entityId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> problem;

    static ImportRow of(UUID importId, ImportReport.Row row) {
        ImportRow kept = new ImportRow();
        kept.importId = importId;
        kept.row = row.row();
        kept.status = row.status();
        kept.entityId = row.id();
        kept.problem = row.problem();
        return kept;
    }

    ImportReport.Row report() {
        return new ImportReport.Row(row, status, entityId, problem);
    }
}
