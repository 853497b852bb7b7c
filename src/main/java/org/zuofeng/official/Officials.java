package org.zuofeng.official;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What other features ask about officials and the posts they hold, and the only way they reach them: no class
 * outside this package reads an {@link Official} or a {@link Post}. Only names leave as personal data; posts leave
 * as {@link HeldPost}s, in start order.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Officials {

    private final OfficialRepository officials;
    private final PostRepository posts;

    public Officials(OfficialRepository officials, PostRepository posts) {
        this.officials = officials;
        this.posts = posts;
    }

    /** Those of {@code ids} that are officials. */
    public Set<UUID> existing(Collection<UUID> ids) {
        return names(ids).keySet();
    }

    public boolean exists(UUID id) {
        return !existing(List.of(id)).isEmpty();
    }

    /** The names of these officials, by id. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        return officials.namesOf(ids);
    }

    /** Who an official really is, for a check that a public text does not name them: name and ID number. */
    public record Identity(String name, String idNumber) {
    }

    /** The identities of these officials, by id (those that exist). */
    public Map<UUID, Identity> identities(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return officials.list("id in ?1", ids).stream()
                .collect(java.util.stream.Collectors.toMap(o -> o.id, o -> new Identity(o.name, o.idNumber)));
    }

    /** The posts in the unit held on the day. */
    public List<HeldPost> postsInUnitOn(UUID unitId, LocalDate day) {
        return refs(posts.inUnitOn(unitId, day));
    }

    /**
     * The posts in these units held at some time between the two days: one query for callers that need each unit's
     * posts on a different day, and pick them with {@link HeldPost#activeOn}.
     */
    public List<HeldPost> postsInUnitsBetween(Collection<UUID> unitIds, LocalDate from, LocalDate to) {
        return refs(posts.inUnitsBetween(unitIds, from, to));
    }

    /** The posts of these officials held on the day. */
    public List<HeldPost> postsHeldOn(Collection<UUID> officialIds, LocalDate day) {
        return refs(posts.heldOn(officialIds, day));
    }

    /** The posts of these officials held at some time between the two days (as above). */
    public List<HeldPost> postsHeldBetween(Collection<UUID> officialIds, LocalDate from, LocalDate to) {
        return refs(posts.heldBetween(officialIds, from, to));
    }

    /** Every post these officials hold or held. */
    public List<HeldPost> postsOf(Collection<UUID> officialIds) {
        return officialIds.isEmpty() ? List.of()
                : refs(posts.list("officialId in ?1 order by startDate, id", officialIds));
    }

    /** Those of {@code subjects} (account subjects) whose official holds a post on the day in one of the units. */
    public List<String> subjectsInPostIn(Collection<String> subjects, Collection<UUID> unitIds, LocalDate day) {
        return posts.subjectsInPostIn(subjects, unitIds, day);
    }

    /** Those of {@code officialIds} who hold a post on the day in one of {@code unitIds}. */
    public Set<UUID> inPostIn(Collection<UUID> officialIds, Collection<UUID> unitIds, LocalDate day) {
        return Set.copyOf(posts.officialsInPostIn(officialIds, unitIds, day));
    }

    private static List<HeldPost> refs(List<Post> list) {
        return list.stream().map(HeldPost::of).toList();
    }
}
