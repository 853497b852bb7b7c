package org.zuofeng.duty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code /api/v1/units/{id}/lists/{kind}}: a unit's power, negative and responsibility lists, in versions. Admins and
 * HR draft; the commission publishes; everyone reads what is published.
 */
@Path("/api/v1/units/{id}/lists/{kind}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.DUTY_LISTS_READ)
@Idempotent
public class DutyListResource {

    private final DutyListService service;
    private final Clock clock;

    public DutyListResource(DutyListService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** The version in effect on {@code on} (today by default). */
    @GET
    public DutyListView inEffect(@PathParam("id") UUID unitId, @PathParam("kind") DutyListKind kind,
            @QueryParam("on") LocalDate on) {
        return service.inEffect(unitId, kind, on == null ? LocalDate.now(clock) : on);
    }

    @GET
    @Path("/versions")
    public Page<DutyListView> versions(@PathParam("id") UUID unitId, @PathParam("kind") DutyListKind kind,
            @BeanParam PageParams page) {
        return service.versions(unitId, kind, page.sort(), page.request());
    }

    @POST
    @Path("/versions")
    @Requires(Permission.DUTY_LISTS_DRAFT)
    public Response draft(@PathParam("id") UUID unitId, @PathParam("kind") DutyListKind kind,
            @Valid @NotNull DutyListWrite body, UriInfo uri) {
        DutyListView drafted = service.draft(unitId, kind, body);
        return Response.created(uri.getAbsolutePathBuilder().path(drafted.id().toString()).build())
                .entity(drafted).build();
    }

    @GET
    @Path("/versions/{versionId}")
    public DutyListView get(@PathParam("id") UUID unitId, @PathParam("kind") DutyListKind kind,
            @PathParam("versionId") UUID versionId) {
        return service.get(unitId, kind, versionId);
    }

    @PUT
    @Path("/versions/{versionId}")
    @Requires(Permission.DUTY_LISTS_DRAFT)
    public DutyListView update(@PathParam("id") UUID unitId, @PathParam("kind") DutyListKind kind,
            @PathParam("versionId") UUID versionId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DutyListWrite body) {
        return service.update(unitId, kind, versionId, IfMatch.required(ifMatch), body);
    }

    @POST
    @Path("/versions/{versionId}/publication")
    @Requires(Permission.DUTY_LISTS_PUBLISH)
    public DutyListView publish(@PathParam("id") UUID unitId, @PathParam("kind") DutyListKind kind,
            @PathParam("versionId") UUID versionId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.publish(unitId, kind, versionId, IfMatch.required(ifMatch));
    }

    @GET
    @Path("/diff")
    public DutyListDiff diff(@PathParam("id") UUID unitId, @PathParam("kind") DutyListKind kind,
            @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null || to == null) {
            throw ProblemException.invalidParameter(from == null ? "from" : "to",
                    Text.of("field.requiredVersionNumber"));
        }
        return service.diff(unitId, kind, from, to);
    }
}
