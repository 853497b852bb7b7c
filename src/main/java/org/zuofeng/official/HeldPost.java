package org.zuofeng.official;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A post as other features see it: who held it, where, as what, and when ({@code endDate} null: still held). */
public record HeldPost(UUID id, UUID officialId, UUID unitId, String title, PostRole role, String responsibility,
        LocalDate startDate, LocalDate endDate) {

    static HeldPost of(Post post) {
        return new HeldPost(post.id, post.officialId, post.unitId, post.title, post.role, post.responsibility,
                post.startDate, post.endDate);
    }

    /** Whether the post is held on the day (both ends included). */
    public boolean activeOn(LocalDate day) {
        return within(startDate, endDate, day);
    }

    /**
     * Whether the holder answers, as a leader, for a problem in the area: the principal for every area, a deputy
     * in charge for their own (for any, when no area is said), nobody else.
     */
    public boolean answersFor(String area) {
        return role == PostRole.PRINCIPAL || role == PostRole.ACTING_PRINCIPAL
                || role == PostRole.DEPUTY_IN_CHARGE && (area == null || area.equals(responsibility));
    }

    static boolean within(LocalDate start, LocalDate end, LocalDate day) {
        return !start.isAfter(day) && (end == null || !end.isBefore(day));
    }

    /**
     * The unit's heads among {@code posts} held the same day: its principal, or, where there is none, its acting
     * principal (主持工作); the acting principal is dropped where there is a principal.
     */
    public static List<HeldPost> withoutStandIns(List<HeldPost> posts) {
        boolean principal = posts.stream().anyMatch(p -> p.role() == PostRole.PRINCIPAL);
        return principal ? posts.stream().filter(p -> p.role() != PostRole.ACTING_PRINCIPAL).toList() : posts;
    }
}
