package org.zuofeng.common.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.security.RunAs;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * How a job announces records once each, as the service itself. A batch claims the records newly due with one
 * statement that also marks them announced, and announces them in the same transaction: replicas running the job at
 * once never announce a record twice, and a failed batch announces none of its records and leaves them to the next
 * run.
 */
@ApplicationScoped
public class Announcements {

    private final RunAs runAs;

    Announcements(RunAs runAs) {
        this.runAs = runAs;
    }

    /**
     * Runs batches of {@code size} until one comes back short: {@code claim} claims up to that many announcements
     * newly due, marks them made and answers the records' ids; {@code announce} announces each record claimed.
     * Answers how many announcements the run made.
     */
    public int run(int size, IntFunction<List<UUID>> claim, Consumer<UUID> announce) {
        int[] announced = new int[1];
        runAs.system(() -> announced[0] = Batches.repeat(size, () -> {
            List<UUID> claimed = claim.apply(size);
            claimed.stream().distinct().forEach(announce);
            return claimed.size();
        }).rows());
        return announced[0];
    }
}
