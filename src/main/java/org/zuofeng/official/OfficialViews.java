package org.zuofeng.official;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.paging.PageViews;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Officials as the API shows them: with today's posts (those the caller may see), before any masking. */
@ApplicationScoped
class OfficialViews implements PageViews<Official, OfficialView> {

    private final PostRepository posts;
    private final Units units;
    private final OfficialMapper mapper;
    private final CallerScope scope;
    private final Clock clock;

    OfficialViews(PostRepository posts, Units units, OfficialMapper mapper, CallerScope scope, Clock clock) {
        this.posts = posts;
        this.units = units;
        this.mapper = mapper;
        this.scope = scope;
        this.clock = clock;
    }

    /** The page's posts held today and their units' names, each read once for the page. */
    @Override
    public List<OfficialView> of(List<Official> list) {
        List<UUID> ids = list.stream().map(o -> o.id).toList();
        List<Post> current = posts.heldOn(ids, LocalDate.now(clock), scope.readable(OfficialAccess.POSTS));
        Map<UUID, String> unitNames = units.names(current.stream().map(p -> p.unitId).collect(Collectors.toSet()));
        Map<UUID, List<PostSummary>> byOfficial = current.stream().collect(Collectors.groupingBy(p -> p.officialId,
                Collectors.mapping(p -> mapper.toSummary(p, unitNames), Collectors.toList())));
        return list.stream().map(o -> mapper.toView(o, byOfficial.getOrDefault(o.id, List.of()))).toList();
    }
}
