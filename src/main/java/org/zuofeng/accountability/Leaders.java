package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.official.HeldPost;
import org.zuofeng.official.Officials;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Who answers for a unit as its leaders on a day (一案双查): its principal and its deputies in charge. */
@ApplicationScoped
class Leaders {

    private final Officials officials;

    Leaders(Officials officials) {
        this.officials = officials;
    }

    /** The unit's principal and deputies in charge on the day, principal first. */
    List<HeldPost> of(UUID unitId, LocalDate day) {
        return leaders(officials.postsInUnitOn(unitId, day).stream());
    }

    /** The leaders of each violation's unit on its day, by violation id: one query for a whole page of cases. */
    Map<UUID, List<HeldPost>> ofViolations(List<AccountabilityCase> violations) {
        if (violations.isEmpty()) {
            return Map.of();
        }
        Set<UUID> unitIds = violations.stream().map(v -> v.unitId).collect(Collectors.toSet());
        LocalDate from = violations.stream().map(v -> v.occurredOn).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = violations.stream().map(v -> v.occurredOn).max(Comparator.naturalOrder()).orElseThrow();
        List<HeldPost> candidates = officials.postsInUnitsBetween(unitIds, from, to);
        return violations.stream().collect(Collectors.toMap(v -> v.id, v -> leaders(candidates.stream()
                .filter(p -> p.unitId().equals(v.unitId) && p.activeOn(v.occurredOn)))));
    }

    private static List<HeldPost> leaders(Stream<HeldPost> held) {
        return HeldPost.withoutStandIns(held.filter(p -> p.answersFor(null))
                .sorted(Comparator.comparing(HeldPost::role).thenComparing(HeldPost::startDate)).toList());
    }
}
