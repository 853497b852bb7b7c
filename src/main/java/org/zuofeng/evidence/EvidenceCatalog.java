package org.zuofeng.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.time.Times;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What other features ask of the evidence they hold, and the only way they read it: no class outside this package
 * reads an {@link Evidence} or its table.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EvidenceCatalog {

    private final EvidenceRepository evidence;
    private final ObjectMapper json;

    public EvidenceCatalog(EvidenceRepository evidence, ObjectMapper json) {
        this.evidence = evidence;
        this.json = json;
    }

    /**
     * HQL: the active evidence of the finding whose id is {@code findingIdPath}, oldest first, as one JSON array (null
     * for none), for a projection that reads a finding in one statement; {@link #summaries} reads it.
     */
    public static String activeOfFindingAsJson(String findingIdPath) {
        return "(select json_arrayagg(json_object('id', ev.id, 'mediaType', ev.mediaType, 'size', ev.size,"
                + " 'sha256', ev.sha256, 'capturedAt', ev.capturedAt, 'fileName', ev.fileName)"
                + " null on null order by ev.createdAt, ev.id) from Evidence ev where ev.findingId = " + findingIdPath
                + " and ev.status = org.zuofeng.evidence.EvidenceStatus.ACTIVE)";
    }

    /** The summaries in a JSON array of {@link #activeOfFindingAsJson}; none for null. */
    public List<EvidenceSummary> summaries(Object array) {
        if (array == null) {
            return List.of();
        }
        try {
            List<EvidenceSummary> summaries = new ArrayList<>();
            for (JsonNode item : json.readTree(array.toString())) {
                JsonNode captured = item.get("capturedAt");
                summaries.add(new EvidenceSummary(UUID.fromString(item.get("id").asText()),
                        item.get("mediaType").asText(), item.get("size").asLong(), item.get("sha256").asText(),
                        captured == null || captured.isNull() ? null
                                : Times.toWire(OffsetDateTime.parse(captured.asText()).toInstant()),
                        item.get("fileName").asText()));
            }
            return summaries;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL's JSON aggregate of evidence could not be read", e);
        }
    }

    /** Those of these evidence ids that are kept (active or withdrawn): their bytes are here. */
    public Set<UUID> existing(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(evidence.list("id in ?1", ids).stream().map(e -> e.id).toList());
    }

    /** The active evidence of each finding, oldest first (withdrawn evidence is not part of a finding). */
    public Map<UUID, List<EvidenceSummary>> activeOfFindings(Collection<UUID> findingIds) {
        return evidence.activeOfFindings(findingIds);
    }
}
