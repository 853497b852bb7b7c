package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.paging.Projection;
import org.zuofeng.common.paging.Projections;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.Times;
import org.zuofeng.evidence.EvidenceCatalog;
import org.zuofeng.inspection.Inspections;
import org.zuofeng.unit.Units;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Findings read straight into their views, one SQL statement for a page or a single finding: the active evidence is
 * aggregated as JSON by PostgreSQL, and whether the finding's inspection is secret now (a covert one under way, whose
 * reads are on record) comes with the row. No entity is built, so nothing is flushed or dirty-checked.
 * {@link FindingViews} builds the same views from entities, for the answers of writes; {@code FindingReadsParityTest}
 * holds the two to the same result.
 */
@ApplicationScoped
class FindingReads {

    /** A finding as read, and whether its inspection is secret now. */
    record Read(FindingView view, boolean secret) {
    }

    private static final String SELECT = "e.id, e.inspectionId, e.unitId, e.officialIds, e.category, e.defects,"
            + " e.severity, e.title, e.description, e.observedAt, e.latitude, e.longitude, e.address, e.status,"
            + " e.version, e.createdAt, e.createdBy, e.updatedAt, e.updatedBy, "
            + EvidenceCatalog.activeOfFindingAsJson("e.id") + ", " + Inspections.isSecretNow("e.inspectionId") + ", "
            + Units.nameAt("e.unitId", "e.observedAt");

    private final Projections projections;
    private final CallerScope scope;
    private final EvidenceCatalog evidence;
    private final Projection<Read> projection;

    FindingReads(Projections projections, CallerScope scope, EvidenceCatalog evidence) {
        this.projections = projections;
        this.scope = scope;
        this.evidence = evidence;
        this.projection = new Projection<>(SELECT, Map.of(), this::read);
    }

    /** How a list reads a finding. */
    Projection<Read> projection() {
        return projection;
    }

    /** The finding, if the caller may see it ({@link FindingAccess}). */
    Optional<Read> one(UUID id) {
        return projections.one(Finding.class, id, scope.readable(FindingAccess.FINDINGS), projection);
    }

    private Read read(Object[] row) {
        FindingWrite.Location location = row[10] == null ? null
                : new FindingWrite.Location((BigDecimal) row[10], (BigDecimal) row[11], (String) row[12]);
        FindingView view = new FindingView((UUID) row[0], (UUID) row[1], (UUID) row[2], (String) row[21],
                List.of((UUID[]) row[3]), (FindingCategory) row[4], Defect.inOrder((String[]) row[5]),
                (Severity) row[6], (String) row[7], (String) row[8], Times.toWire((Instant) row[9]), location,
                (FindingStatus) row[13], evidence.summaries(row[19]), ((Number) row[14]).longValue(),
                Times.toWire((Instant) row[15]), (String) row[16], Times.toWire((Instant) row[17]), (String) row[18]);
        return new Read(view, (Boolean) row[20]);
    }
}
