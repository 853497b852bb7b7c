package org.zuofeng.official;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.security.ScopeSource;
import org.zuofeng.unit.UnitRepository;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A caller's scope from their linked official's posts: the units held on the day and everything below them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OfficialScopeSource implements ScopeSource {

    private final OfficialRepository officials;
    private final PostRepository posts;
    private final UnitRepository units;

    public OfficialScopeSource(OfficialRepository officials, PostRepository posts, UnitRepository units) {
        this.officials = officials;
        this.posts = posts;
        this.units = units;
    }

    @Override
    public Optional<LinkedOfficial> linkedOfficial(String subject) {
        return officials.findByAccountSubject(subject).map(o -> new LinkedOfficial(o.id, o.name));
    }

    @Override
    public Set<UUID> unitsInScope(UUID officialId, LocalDate day) {
        return units.subtreeIds(posts.unitsHeldBy(officialId, day));
    }
}
