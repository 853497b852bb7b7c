package org.zuofeng.official;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.security.ScopeSource;
import org.zuofeng.unit.Units;

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
    private final Units units;

    public OfficialScopeSource(OfficialRepository officials, PostRepository posts, Units units) {
        this.officials = officials;
        this.posts = posts;
        this.units = units;
    }

    @Override
    public Optional<LinkedOfficial> linkedOfficial(String subject) {
        return officials.linkedTo(subject);
    }

    @Override
    public Set<UUID> scopeRoots(UUID officialId, LocalDate day) {
        return Set.copyOf(posts.unitsHeldBy(officialId, day));
    }

    @Override
    public Set<UUID> subtrees(Set<UUID> roots) {
        return units.subtree(roots);
    }

    @Override
    public String subtreesOf(String rootsParameter) {
        return Units.subtreesOf(rootsParameter);
    }
}
