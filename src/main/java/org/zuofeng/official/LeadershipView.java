package org.zuofeng.official;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who led a unit on a day: its principal (一把手), or where there was none its acting principal (主持工作, shown with that
 * role), {@code vacant} when neither; every deputy in charge (分管领导); and the other members of its leadership
 * (leadership members and village/residents' two-committees members). Staff are not listed.
 */
public record LeadershipView(UUID unitId, LocalDate on, Holder principal, boolean vacant, List<Holder> deputies,
        List<Holder> members) {

    /** An official in a post. */
    public record Holder(UUID officialId, String name, UUID postId, String title, PostRole role,
            String responsibility, LocalDate startDate, LocalDate endDate) {
    }
}
