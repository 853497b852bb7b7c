package org.zuofeng.common.persistence;

import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Records created offline with a client-made id (API.md): a create repeated with the same id and the same content
 * is answered with what exists; the same id with other content is a 409 {@code CLIENT_ID_CONFLICT}.
 */
public final class ClientIds {

    private ClientIds() {
    }

    /**
     * The record this create repeats, if {@code id} names one and {@code sameCreate} holds for it; empty when the id
     * is absent or new.
     */
    public static <T> Optional<T> repeated(String kind, UUID id, Function<UUID, Optional<T>> find,
            Predicate<T> sameCreate) {
        if (id == null) {
            return Optional.empty();
        }
        return find.apply(id).map(existing -> {
            if (!sameCreate.test(existing)) {
                throw new ProblemException(ErrorCode.CLIENT_ID_CONFLICT,
                        Text.of("common.alreadyExistsOtherContent", kind, id));
            }
            return existing;
        });
    }
}
