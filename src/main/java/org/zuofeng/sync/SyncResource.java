package org.zuofeng.sync;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.ProblemRendering;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/sync}: field apps push what they recorded offline, exactly once and in order, and pull what
 * changed, from a snapshot on; any role may pull its own view of the records.
 */
@Path("/api/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.SYNC_PULL)
public class SyncResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int MAX_WAIT_SECONDS = 30;

    private final PushService push;
    private final PullService pull;

    public SyncResource(PushService push, PullService pull) {
        this.push = push;
        this.pull = pull;
    }

    @POST
    @Path("/push")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.SYNC_PUSH)
    public PushAnswer push(@Valid @NotNull PushRequest body, @QueryParam("atomic") Boolean atomic,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return push.push(body, Boolean.TRUE.equals(atomic),
                ProblemRendering.of(headers, uri));
    }

    @GET
    // An answer to come is non-blocking to Quarkus REST, but the first read blocks; the wait holds no thread.
    @Blocking
    @Path("/changes")
    public CompletionStage<ChangesPage> changes(@QueryParam("clientId") UUID clientId,
            @QueryParam("cursor") @Size(max = 4096) String cursor,
            @QueryParam("limit") @Min(1) Integer limit,
            @QueryParam("wait") @Min(0) @Max(MAX_WAIT_SECONDS) Integer wait) {
        if (clientId == null) {
            throw ProblemException.invalidParameter("clientId", Text.of("field.requiredAppInstallationSOwn"));
        }
        return pull.changes(clientId, cursor == null || cursor.isBlank() ? null : cursor,
                limit == null ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT), wait == null ? 0 : wait);
    }
}
