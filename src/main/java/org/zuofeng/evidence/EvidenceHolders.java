package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@link EvidenceHolder} of each owner kind: who decides whether evidence is seen, added, secret. */
@ApplicationScoped
class EvidenceHolders {

    private final Map<String, EvidenceHolder> holders;

    EvidenceHolders(Instance<EvidenceHolder> holders) {
        this.holders = holders.stream().collect(Collectors.toMap(EvidenceHolder::kind, Function.identity()));
    }

    EvidenceHolder of(EvidenceService.Owner owner) {
        EvidenceHolder holder = holders.get(owner.kind());
        if (holder == null) {
            throw new IllegalStateException("No evidence holder for " + owner.kind());
        }
        return holder;
    }

    /** Those of these evidence records whose owner the caller may see: one query per owner kind. */
    List<Evidence> visibleAmong(List<Evidence> shown) {
        Map<String, Set<UUID>> visibleOwners = new HashMap<>();
        shown.stream().map(EvidenceService.Owner::of).collect(Collectors.groupingBy(EvidenceService.Owner::kind,
                        Collectors.mapping(EvidenceService.Owner::id, Collectors.toSet())))
                .forEach((kind, ids) -> visibleOwners.put(kind, holders.get(kind).visibleAmong(ids)));
        return shown.stream().filter(e -> {
            EvidenceService.Owner owner = EvidenceService.Owner.of(e);
            return visibleOwners.get(owner.kind()).contains(owner.id());
        }).toList();
    }

    /** Those of these evidence records that back a covert inspection not yet completed: one query per owner kind. */
    List<UUID> secretAmong(List<Evidence> shown) {
        Map<String, Set<UUID>> secretOwners = new HashMap<>();
        shown.stream().map(EvidenceService.Owner::of).collect(Collectors.groupingBy(EvidenceService.Owner::kind,
                        Collectors.mapping(EvidenceService.Owner::id, Collectors.toSet())))
                .forEach((kind, ids) -> secretOwners.put(kind, holders.get(kind).secretAmong(ids)));
        return shown.stream().filter(e -> {
            EvidenceService.Owner owner = EvidenceService.Owner.of(e);
            return secretOwners.get(owner.kind()).contains(owner.id());
        }).map(e -> e.id).toList();
    }
}
