package org.zuofeng.common.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.function.IntSupplier;

/**
 * Background work done batch by batch, each batch in its own short transaction, until a batch comes back short: no
 * transaction holds many rows, and a failure loses only the batch it happened in.
 */
public final class Batches {

    /** What a run did: how many rows, in how many batches. */
    public record Result(int rows, int batches) {
    }

    private Batches() {
    }

    /** Runs {@code batch} (which handles at most {@code size} rows and says how many) until it handles fewer. */
    public static Result repeat(int size, IntSupplier batch) {
        int rows = 0;
        int batches = 0;
        int last;
        do {
            last = QuarkusTransaction.requiringNew().call(batch::getAsInt);
            rows += last;
            batches++;
        } while (last == size);
        return new Result(rows, batches);
    }
}
