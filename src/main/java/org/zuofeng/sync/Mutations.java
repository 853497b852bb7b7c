package org.zuofeng.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.concurrency.EntityTags;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.concurrency.Versioned;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.web.BodyReader;
import org.zuofeng.finding.FindingService;
import org.zuofeng.finding.FindingView;
import org.zuofeng.finding.FindingWrite;
import org.zuofeng.inspection.InspectionService;
import org.zuofeng.inspection.InspectionView;
import org.zuofeng.inspection.InspectionWrite;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One mutation of a push, applied as the ordinary endpoint applies its request: the same body, read and validated
 * the same way, the same permission, the same service call with the same rules, the base
 * version as its If-Match. Throws the problem the endpoint would answer with.
 */
@ApplicationScoped
class Mutations {

    /** Evidence a finding declares, for the server to say which it still lacks. */
    record Declared(UUID evidenceId, UUID findingId) {
    }

    /** What an applied mutation left: the record's id and version. */
    record Applied(UUID id, long version) {
    }

    private final InspectionService inspections;
    private final FindingService findings;
    private final BodyReader bodies;
    private final Caller caller;

    Mutations(InspectionService inspections, FindingService findings, BodyReader bodies, Caller caller) {
        this.inspections = inspections;
        this.findings = findings;
        this.bodies = bodies;
        this.caller = caller;
    }

    Applied apply(PushRequest.Mutation m) {
        return switch (m.entity()) {
            case INSPECTION -> inspection(m);
            case FINDING -> finding(m);
            case INSPECTION_TRANSITION -> {
                caller.require(Permission.INSPECTIONS_STEP);
                InspectionView after = inspections.transition(m.id(), ifMatch(m, true), read(m.data(),
                        TransitionRequest.class));
                yield applied(after.id(), after);
            }
            case FINDING_TRANSITION -> {
                caller.require(Permission.FINDINGS_STEP);
                FindingView after = findings.transition(m.id(), ifMatch(m, true), read(m.data(),
                        TransitionRequest.class));
                yield applied(after.id(), after);
            }
        };
    }

    /** The record as the server has it now, as the caller may see it (for a conflict). */
    Versioned current(PushRequest.Mutation m) {
        return switch (m.entity()) {
            case INSPECTION, INSPECTION_TRANSITION -> inspections.get(m.id());
            case FINDING, FINDING_TRANSITION -> findings.get(m.id());
        };
    }

    private Applied inspection(PushRequest.Mutation m) {
        ObjectNode data = withId(m);
        if (m.baseVersion() == null) {
            caller.require(Permission.INSPECTIONS_PLAN);
            InspectionView created = inspections.create(read(data, InspectionWrite.class)).view();
            return applied(created.id(), created);
        }
        caller.require(Permission.INSPECTIONS_CORRECT);
        InspectionView updated = inspections.update(m.id(), ifMatch(m, false), read(data, InspectionWrite.class));
        return applied(updated.id(), updated);
    }

    private Applied finding(PushRequest.Mutation m) {
        if (m.baseVersion() == null) {
            FindingService.NewFinding recorded = newFinding(m);
            FindingView view = findings.create(recorded.inspectionId(), recorded.write()).view();
            return applied(view.id(), view);
        }
        FindingData finding = findingData(m);
        FindingView view = findings.update(m.id(), ifMatch(m, false), read(finding.data(), FindingWrite.class));
        JsonNode inspectionId = finding.inspectionId();
        if (inspectionId != null && !inspectionId.isNull()
                && !bodies.parse(inspectionId, UUID.class, "/inspectionId").equals(view.inspectionId())) {
            throw ProblemException.invalidField("/inspectionId", Text.of("field.findingStaysInspection"));
        }
        return applied(view.id(), view);
    }

    /** Whether the mutation records a new finding: a push records a run of them together. */
    static boolean recordsFinding(PushRequest.Mutation m) {
        return m.entity() == SyncMutationEntity.FINDING && m.baseVersion() == null;
    }

    /** The finding a mutation records, read and checked as the endpoint reads and checks it; throws its refusal. */
    FindingService.NewFinding newFinding(PushRequest.Mutation m) {
        FindingData finding = findingData(m);
        JsonNode inspectionId = finding.inspectionId();
        if (inspectionId == null || inspectionId.isNull()) {
            throw ProblemException.invalidField("/inspectionId", Text.of("field.requiredRecordFinding"));
        }
        return new FindingService.NewFinding(bodies.parse(inspectionId, UUID.class, "/inspectionId"),
                read(finding.data(), FindingWrite.class));
    }

    /** A finding mutation's data without its inspection id and evidence declarations, which are checked here. */
    private record FindingData(ObjectNode data, JsonNode inspectionId) {
    }

    /** Reads what every finding mutation carries the same way, and requires the permission to record findings. */
    private FindingData findingData(PushRequest.Mutation m) {
        ObjectNode data = withId(m);
        JsonNode inspectionId = data.remove("inspectionId");
        declared(m.id(), data.remove("evidence"));
        caller.require(Permission.FINDINGS_RECORD);
        return new FindingData(data, inspectionId);
    }

    /** The evidence a finding mutation declares (none for others, or when the declarations are not valid). */
    List<Declared> declaredBy(PushRequest.Mutation m) {
        if (m.entity() != SyncMutationEntity.FINDING) {
            return List.of();
        }
        try {
            return declared(m.id(), m.data().get("evidence"));
        } catch (ProblemException invalid) {
            return List.of();
        }
    }

    /** The mutation's id is the record's: {@code data.id} must be absent or the same. */
    private static ObjectNode withId(PushRequest.Mutation m) {
        ObjectNode data = m.data().deepCopy();
        JsonNode id = data.get("id");
        if (id != null && !id.isNull() && !id.asText().equals(m.id().toString())) {
            throw ProblemException.invalidField("/id", Text.of("field.absentMutationSId"));
        }
        data.put("id", m.id().toString());
        return data;
    }

    private List<Declared> declared(UUID findingId, JsonNode evidence) {
        if (evidence == null || evidence.isNull()) {
            return List.of();
        }
        if (!evidence.isArray() || evidence.size() > 50) {
            throw ProblemException.invalidField("/evidence", Text.of("field.arrayAtMostDeclarations"));
        }
        List<Declared> declared = new ArrayList<>();
        for (int n = 0; n < evidence.size(); n++) {
            JsonNode one = evidence.get(n);
            String at = "/evidence/" + n;
            EvidenceDeclaration declaration = bodies.read(one, EvidenceDeclaration.class, at);
            declared.add(new Declared(declaration.id(), findingId));
        }
        return declared;
    }

    /** The base version as If-Match; a change of an existing record (a transition) must name one. */
    private static IfMatch ifMatch(PushRequest.Mutation m, boolean required) {
        if (m.baseVersion() == null) {
            if (required) {
                throw new ProblemException(ErrorCode.PRECONDITION_REQUIRED,
                        Text.of("sync.transitionNamesVersionMovesSend"));
            }
            return null;
        }
        return IfMatch.required(EntityTags.of(m.baseVersion()));
    }

    private <T> T read(JsonNode data, Class<T> type) {
        return bodies.read(data, type, "");
    }

    private static Applied applied(UUID id, Versioned view) {
        return new Applied(id, view.version());
    }

    /** A piece of evidence a finding recorded offline declares. */
    record EvidenceDeclaration(@NotNull UUID id, @NotNull @Pattern(regexp = "[0-9a-f]{64}") String sha256,
            @NotNull @Positive Long size, @NotBlank @Size(max = 100) String mediaType) {
    }
}
