package org.zuofeng.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** What a device pushes: its mutations, in the order it made them, numbered consecutively from 1. */
public record PushRequest(
        @NotNull UUID clientId,
        @NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull Mutation> mutations) {

    /** One change made on the device, as the body the ordinary endpoint takes ({@code data}). */
    public record Mutation(
            @NotNull @Min(1) @Max(Long.MAX_VALUE) Long mutationId,
            @NotNull SyncMutationEntity entity,
            @NotNull UUID id,
            @Min(0) Long baseVersion,
            @NotNull ObjectNode data) {
    }
}
