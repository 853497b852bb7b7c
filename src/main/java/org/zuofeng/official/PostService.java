package org.zuofeng.official;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.unit.UnitRef;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The posts officials hold over time, and who led a unit on a given day. At most one principal per unit on any day;
 * posts begin only in active units and end no earlier than they start.
 */
@ApplicationScoped
@Transactional
public class PostService {

    static final String ENTITY_TYPE = "post";

    private static final Sorting<Post> SORTING = new Sorting<>("-startDate",
            SortField.of("id", "id", p -> p.id, UUID.class),
            SortField.of("startDate", "startDate", p -> p.startDate, LocalDate.class));

    private final PostRepository posts;
    private final OfficialRepository officials;
    private final OfficialService officialService;
    private final Units units;
    private final OfficialMapper mapper;
    private final AuditTrail audit;
    private final KeysetPager pager;
    private final CallerScope scope;
    private final Clock clock;

    public PostService(PostRepository posts, OfficialRepository officials, OfficialService officialService,
            Units units, OfficialMapper mapper, AuditTrail audit, KeysetPager pager, CallerScope scope,
            Clock clock) {
        this.posts = posts;
        this.officials = officials;
        this.officialService = officialService;
        this.units = units;
        this.mapper = mapper;
        this.audit = audit;
        this.pager = pager;
        this.scope = scope;
        this.clock = clock;
    }

    /** Every post of an official the caller may see, past ones included, newest first by default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PostView> list(UUID officialId, String sort, PageRequest page) {
        officialService.visible(officialId);
        Filters filters = new Filters().when(officialId, "officialId", "e.officialId = :officialId");
        filters.restrictTo(scope.readable(OfficialAccess.POSTS));
        Page<Post> found = pager.page(Post.class, filters, SORTING, sort, page);
        Map<UUID, String> unitNames = units.names(found.items().stream().map(p -> p.unitId)
                .collect(Collectors.toSet()));
        return found.map(p -> view(p, unitNames.get(p.unitId)));
    }

    public PostView create(UUID officialId, PostWrite write) {
        officials.findByIdOptional(officialId).orElseThrow(() -> OfficialService.notFound(officialId));
        UnitRef unit = activeUnit(write.unitId());
        requireValidTerm(write, null);
        Post post = new Post();
        post.officialId = officialId;
        mapper.update(write, post);
        audit.stampCreated(post);
        posts.persistAndFlush(post);
        PostView view = view(post, unit.name());
        audit.record("CREATE", ENTITY_TYPE, post.id, null, view);
        return view;
    }

    /** Corrects a post, or ends it by setting {@code endDate}. */
    public PostView update(UUID officialId, UUID postId, IfMatch ifMatch, PostWrite write) {
        Post post = posts.findByIdOptional(postId).filter(p -> p.officialId.equals(officialId))
                .orElseThrow(() -> ProblemException.notFound("post", postId));
        ifMatch.check(post.version);
        PostView before = view(post, units.names(Set.of(post.unitId)).get(post.unitId));
        String unitName = Objects.equals(post.unitId, write.unitId()) ? before.unitName()
                : activeUnit(write.unitId()).name();
        requireValidTerm(write, post.id);
        mapper.update(write, post);
        if (view(post, unitName).equals(before)) {
            return before;
        }
        audit.stampUpdated(post);
        posts.flush();
        PostView after = view(post, unitName);
        audit.record(post.endDate != null && before.endDate() == null ? "END" : "UPDATE", ENTITY_TYPE, post.id,
                before, after);
        return after;
    }

    /**
     * Ends, on {@code day}, every post the official holds that day (in {@code unitId}, or anywhere when null; of
     * {@code role}, or any when null): an accountability decision that transfers, demotes, dismisses or
     * terminates, or the two-strikes rule. Each change is audited like any correction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endHeldPosts(UUID officialId, UUID unitId, PostRole role, LocalDate day) {
        List<Post> held = posts.list("officialId = ?1 and startDate <= ?2 and (endDate is null or endDate > ?2)",
                officialId, day).stream()
                .filter(p -> (unitId == null || p.unitId.equals(unitId)) && (role == null || p.role == role))
                .toList();
        Map<UUID, String> unitNames = units.names(held.stream().map(p -> p.unitId).collect(Collectors.toSet()));
        for (Post post : held) {
            PostView before = view(post, unitNames.get(post.unitId));
            post.endDate = day;
            audit.stampUpdated(post);
            posts.flush();
            audit.record("END", ENTITY_TYPE, post.id, before, view(post, unitNames.get(post.unitId)));
        }
    }

    /** Who held the principal's, the deputies' and the other leadership posts of a unit on a day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LeadershipView leadership(UUID unitId, LocalDate on) {
        units.requireVisible(unitId);
        LocalDate day = on != null ? on : LocalDate.now(clock);
        List<Post> held = posts.inUnitOn(unitId, day);
        Map<UUID, String> names = officials.namesOf(held.stream().map(p -> p.officialId).collect(Collectors.toSet()));
        Function<Post, LeadershipView.Holder> holder = p -> new LeadershipView.Holder(p.officialId,
                names.get(p.officialId), p.id, p.title, p.role, p.responsibility, p.startDate, p.endDate);
        LeadershipView.Holder principal = held.stream().filter(p -> p.role == PostRole.PRINCIPAL).map(holder)
                .findFirst().orElseGet(() -> held.stream().filter(p -> p.role == PostRole.ACTING_PRINCIPAL)
                        .map(holder).findFirst().orElse(null));
        return new LeadershipView(unitId, day, principal, principal == null,
                held.stream().filter(p -> p.role == PostRole.DEPUTY_IN_CHARGE).map(holder).toList(),
                held.stream().filter(p -> p.role == PostRole.LEADERSHIP_MEMBER
                        || p.role == PostRole.TWO_COMMITTEES_MEMBER).map(holder).toList());
    }

    /** The unit a post is placed in: it must exist (400) and be active (409); locked against dissolving. */
    private UnitRef activeUnit(UUID unitId) {
        UnitRef unit = units.findForShare(unitId)
                .orElseThrow(() -> ProblemException.invalidField("/unitId", Text.of("field.unitNotFound")));
        if (!unit.active()) {
            throw new ProblemException(ErrorCode.UNIT_DISSOLVED,
                    Text.of("official.unitDissolvedPostsCanHeld", unitId));
        }
        return unit;
    }

    private void requireValidTerm(PostWrite write, UUID self) {
        if (write.endDate() != null && write.endDate().isBefore(write.startDate())) {
            throw ProblemException.invalidField("/endDate", Text.of("field.beforeStartDate"));
        }
        if (write.role() == PostRole.PRINCIPAL || write.role() == PostRole.ACTING_PRINCIPAL) {
            posts.overlappingHead(write.unitId(), write.role(), write.startDate(), write.endDate(),
                    self == null ? new UUID(0, 0) : self).ifPresent(other -> {
                        throw new ProblemException(ErrorCode.PRINCIPAL_OVERLAP, other.endDate == null
                                ? Text.of("official.principalSince", other.startDate)
                                : Text.of("official.principalFromTo", other.startDate, other.endDate))
                                .with("conflictingPostId", other.id);
                    });
        }
    }

    private PostView view(Post post, String unitName) {
        return mapper.toView(post, unitName, post.activeOn(LocalDate.now(clock)));
    }
}
