package org.zuofeng.assessment;

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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.notice.NoticeView;

import java.util.UUID;

/** {@code /api/v1/assessment-schemes}: the year's schemes. HR and admins write; every role reads. */
@Path("/api/v1/assessment-schemes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.SCHEMES_READ)
@Idempotent
public class SchemeResource {

    private final SchemeService service;

    public SchemeResource(SchemeService service) {
        this.service = service;
    }

    @POST
    @Requires(Permission.SCHEMES_WRITE)
    public Response create(@Valid @NotNull SchemeWrite body, UriInfo uri) {
        SchemeView created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public SchemeView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Requires(Permission.SCHEMES_WRITE)
    public SchemeView update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SchemeWrite body) {
        return service.update(id, IfMatch.required(ifMatch), body);
    }

    @GET
    public Page<SchemeView> list(@QueryParam("year") Integer year, @QueryParam("subjectType") SubjectType subjectType,
            @BeanParam PageParams page) {
        return service.list(year, subjectType, page.sort(), page.request());
    }

    /** Drafts the situation bulletin of a leadership-team scheme's final grades; answered with the draft notice. */
    @POST
    @Path("/{id}/bulletin")
    @Requires(Permission.SCHEMES_WRITE)
    public Response bulletin(@PathParam("id") UUID id) {
        NoticeView draft = service.bulletin(id);
        return Response.created(UriBuilder.fromPath("/api/v1/supervision-notices/{id}").build(draft.id()))
                .entity(draft).build();
    }
}
