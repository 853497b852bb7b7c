package org.zuofeng.official;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.unit.UnitDissolutionGuard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** A unit cannot be dissolved while anyone holds, or is yet to take up, a post in it. */
@ApplicationScoped
public class ActivePostsGuard implements UnitDissolutionGuard {

    private final PostRepository posts;
    private final Clock clock;

    public ActivePostsGuard(PostRepository posts, Clock clock) {
        this.posts = posts;
        this.clock = clock;
    }

    @Override
    public void beforeDissolving(UUID unitId) {
        long active = posts.countNotEndedBy(unitId, LocalDate.now(clock));
        if (active > 0) {
            throw new ProblemException(ErrorCode.UNIT_HAS_ACTIVE_POSTS,
                    Text.of("official.unitHasPostSEnded", unitId, active))
                    .with("activePosts", active);
        }
    }
}
