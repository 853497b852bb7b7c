package org.zuofeng.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.concurrency.EntityTags;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.persistence.RollBack;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.ProblemRendering;
import org.zuofeng.common.problem.Problems;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.web.BodyReader;
import org.zuofeng.common.web.RequestCorrelation;
import org.zuofeng.official.OfficialService;
import org.zuofeng.official.OfficialView;
import org.zuofeng.official.OfficialWrite;
import org.zuofeng.official.PostService;
import org.zuofeng.official.PostView;
import org.zuofeng.official.PostWrite;
import org.zuofeng.unit.UnitService;
import org.zuofeng.unit.UnitStatus;
import org.zuofeng.unit.UnitView;
import org.zuofeng.unit.UnitWrite;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Bulk import of the unit tree, officials and their posts from the personnel system: an upsert, units keyed by
 * {@code code}, officials by their id in the personnel system ({@code externalId}; an official recorded before
 * under the same ID number gets that id), posts by official, unit, role and start date. Every row goes through the
 * ordinary service, with its rules and audit. Rows are read from a stream and applied in batches of {@value #BATCH},
 * one short transaction each (no import holds a lock or the change log's horizon for long); a row refused in a
 * batch is reported and the batch applied again without it, so a refused row never leaves anything behind. A dry
 * run applies batches of {@value #DRY_RUN_BATCH} the same way and rolls each back.
 */
@ApplicationScoped
public class ImportService {

    static final int BATCH = 100;
    /** A dry run's batch: the rows a row may depend on (a unit under one the same file creates) are in it. */
    static final int DRY_RUN_BATCH = 1_000;

    /** Where the report of each batch goes: the answer's report, or a background job's rows. */
    @FunctionalInterface
    interface RowSink {
        void accept(List<ImportReport.Row> batch);
    }

    private final UnitService units;
    private final OfficialService officials;
    private final PostService posts;
    private final BodyReader bodies;
    private final RequestCorrelation correlation;

    public ImportService(UnitService units, OfficialService officials, PostService posts, BodyReader bodies,
            RequestCorrelation correlation) {
        this.units = units;
        this.officials = officials;
        this.posts = posts;
        this.bodies = bodies;
        this.correlation = correlation;
    }

    /**
     * Applies every row (refusing the import at the row past {@code maxRows}); each batch's report goes to
     * {@code sink} in row order. Answers the count per outcome.
     */
    Map<ImportRowStatus, Long> run(ImportEntity entity, String system, boolean dryRun, Iterator<ObjectNode> rows,
            int maxRows, ProblemRendering rendering, RowSink sink) {
        Map<ImportRowStatus, Long> counts = new EnumMap<>(ImportRowStatus.class);
        for (ImportRowStatus status : ImportRowStatus.values()) {
            counts.put(status, 0L);
        }
        int size = dryRun ? DRY_RUN_BATCH : BATCH;
        int first = 1;
        while (rows.hasNext()) {
            List<ObjectNode> batch = new ArrayList<>(size);
            while (batch.size() < size && rows.hasNext()) {
                batch.add(rows.next());
                if (first + batch.size() - 1 > maxRows) {
                    throw tooManyRows(maxRows);
                }
            }
            List<ImportReport.Row> done = applyBatch(entity, system, dryRun, batch, first, rendering);
            done.forEach(row -> counts.merge(row.status(), 1L, Long::sum));
            sink.accept(done);
            first += batch.size();
        }
        return counts;
    }

    static ProblemException tooManyRows(int maxRows) {
        return ProblemException.invalidParameter("body", Text.of("field.holdsMoreThanRowsMost", maxRows));
    }

    /** A batch (its first row numbered {@code first}) in one transaction, again without each row refused. */
    private List<ImportReport.Row> applyBatch(ImportEntity entity, String system, boolean dryRun,
            List<ObjectNode> rows, int first, ProblemRendering rendering) {
        Map<Integer, ImportReport.Row> results = new TreeMap<>();
        Set<Integer> refused = new HashSet<>();
        while (true) {
            Map<Integer, ImportReport.Row> applied = new HashMap<>();
            int[] failed = {-1};
            ProblemException[] why = new ProblemException[1];
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = 0; i < rows.size(); i++) {
                        int row = first + i;
                        if (refused.contains(row)) {
                            continue;
                        }
                        try {
                            applied.put(row, apply(entity, system, row, rows.get(i).deepCopy(), dryRun));
                        } catch (RuntimeException e) {
                            failed[0] = row;
                            why[0] = Problems.of(e);
                            throw new RollBack();
                        }
                    }
                    if (dryRun) {
                        throw new RollBack();
                    }
                });
            } catch (RollBack e) {
                // rolled back: a dry run keeps nothing; a batch with a refused row is applied again without it
            }
            if (failed[0] < 0) {
                results.putAll(applied);
                return List.copyOf(results.values());
            }
            if (why[0].status() >= 500) {
                throw why[0];
            }
            refused.add(failed[0]);
            results.put(failed[0], new ImportReport.Row(failed[0], ImportRowStatus.REJECTED, null,
                    rendering.body(why[0], correlation.current())));
        }
    }

    private ImportReport.Row apply(ImportEntity entity, String system, int row, ObjectNode node, boolean dryRun) {
        ImportReport.Row applied = switch (entity) {
            case UNIT -> unit(row, node);
            case OFFICIAL -> official(row, system, node);
            case POST -> post(row, system, node);
        };
        return dryRun && applied.status() == ImportRowStatus.CREATED
                ? new ImportReport.Row(row, ImportRowStatus.CREATED, null, null) : applied;
    }

    private ImportReport.Row unit(int row, ObjectNode node) {
        String parentCode = take(node, "parentCode");
        UUID parentId = parentCode == null ? null : unitByCode(parentCode).map(UnitView::id)
                .orElseThrow(() -> ProblemException.invalidField("/parentCode", Text.of("field.namesUnit")));
        if (parentId != null) {
            node.put("parentId", parentId.toString());
        }
        UnitWrite write = bodies.read(node, UnitWrite.class, "");
        Optional<UnitView> existing = unitByCode(write.code());
        if (existing.isEmpty()) {
            return new ImportReport.Row(row, ImportRowStatus.CREATED, units.create(write).id(), null);
        }
        UnitView unit = existing.get();
        if (unit.name().equals(write.name()) && unit.type() == write.type()
                && java.util.Objects.equals(unit.parentId(), parentId)) {
            return new ImportReport.Row(row, ImportRowStatus.UNCHANGED, unit.id(), null);
        }
        units.update(unit.id(), ifMatch(unit.version()), write, null);
        return new ImportReport.Row(row, ImportRowStatus.UPDATED, unit.id(), null);
    }

    private ImportReport.Row official(int row, String system, ObjectNode node) {
        String externalId = required(node, "externalId");
        OfficialWrite given = bodies.read(node, OfficialWrite.class, "");
        Optional<OfficialView> existing = officialByExternalId(system, externalId)
                .or(() -> officials.searchByIdNumber(given.idNumber()).items().stream().findFirst());
        Map<String, String> ids = new HashMap<>(existing.map(OfficialView::externalIds).orElse(Map.of()));
        ids.put(system, externalId);
        OfficialWrite write = OfficialWrite.withExternalIds(given, Map.copyOf(ids));
        if (existing.isEmpty()) {
            return new ImportReport.Row(row, ImportRowStatus.CREATED, officials.create(write).id(), null);
        }
        OfficialView official = existing.get();
        OfficialView after = officials.update(official.id(), ifMatch(official.version()), write);
        return new ImportReport.Row(row, after.version() == official.version() ? ImportRowStatus.UNCHANGED
                : ImportRowStatus.UPDATED, official.id(), null);
    }

    private ImportReport.Row post(int row, String system, ObjectNode node) {
        String externalId = required(node, "externalId");
        String unitCode = required(node, "unitCode");
        UUID officialId = officialByExternalId(system, externalId).map(OfficialView::id)
                .orElseThrow(() -> ProblemException.invalidField("/externalId", Text.of("field.namesOfficial",
                system)));
        UUID unitId = unitByCode(unitCode).map(UnitView::id)
                .orElseThrow(() -> ProblemException.invalidField("/unitCode", Text.of("field.namesUnit")));
        node.put("unitId", unitId.toString());
        PostWrite write = bodies.read(node, PostWrite.class, "");
        Map<String, PostView> held = posts.list(officialId, null, new PageRequest(500, null, false)).items().stream()
                .collect(Collectors.toMap(p -> key(p.unitId(), p.role().name(), p.startDate().toString()),
                        Function.identity(), (a, b) -> a));
        PostView existing = held.get(key(unitId, write.role().name(), write.startDate().toString()));
        if (existing == null) {
            return new ImportReport.Row(row, ImportRowStatus.CREATED, posts.create(officialId, write).id(), null);
        }
        if (existing.title().equals(write.title())
                && java.util.Objects.equals(existing.responsibility(), write.responsibility())
                && java.util.Objects.equals(existing.endDate(), write.endDate())) {
            return new ImportReport.Row(row, ImportRowStatus.UNCHANGED, existing.id(), null);
        }
        posts.update(officialId, existing.id(), ifMatch(existing.version()), write);
        return new ImportReport.Row(row, ImportRowStatus.UPDATED, existing.id(), null);
    }

    private static String key(UUID unitId, String role, String startDate) {
        return unitId + "|" + role + "|" + startDate;
    }

    private Optional<UnitView> unitByCode(String code) {
        return units.list(new UnitService.Query(null, null, null, Set.of(UnitStatus.ACTIVE, UnitStatus.DISSOLVED),
                null, code), null, new PageRequest(1, null, false)).items().stream().findFirst();
    }

    private Optional<OfficialView> officialByExternalId(String system, String externalId) {
        return officials.searchByExternalId(system, externalId).items().stream().findFirst();
    }

    private static IfMatch ifMatch(long version) {
        return IfMatch.required(EntityTags.of(version));
    }

    /** Takes a member of the row that is not the ordinary body's, as text. */
    private static String take(ObjectNode node, String name) {
        JsonNode value = node.remove(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ProblemException.invalidField("/" + name, Text.of("field.nonEmptyString"));
        }
        return value.asText();
    }

    private static String required(ObjectNode node, String name) {
        String value = take(node, name);
        if (value == null) {
            throw ProblemException.invalidField("/" + name, Text.of("field.required"));
        }
        return value;
    }
}
