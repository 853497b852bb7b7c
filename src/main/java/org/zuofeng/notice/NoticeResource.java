package org.zuofeng.notice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.web.QueryValues;
import org.zuofeng.documents.DocumentRenderer;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code /api/v1/supervision-notices}: bulletins, rectification notices, admonition talks and exposures. */
@Path("/api/v1/supervision-notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.NOTICES_READ)
@Idempotent
public class NoticeResource {

    private final NoticeService service;
    private final NoticeLifecycle lifecycle;
    private final NoticeResponses responses;
    private final NoticeDocuments documents;

    public NoticeResource(NoticeService service, NoticeLifecycle lifecycle, NoticeResponses responses,
            NoticeDocuments documents) {
        this.service = service;
        this.lifecycle = lifecycle;
        this.responses = responses;
        this.documents = documents;
    }

    @POST
    @Requires(Permission.NOTICES_WRITE)
    public Response create(@Valid @NotNull NoticeWrite body, UriInfo uri) {
        NoticeView created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public NoticeView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    /** The issued notice's formal document, as PDF. */
    @GET
    @Path("/{id}/document")
    @Produces(DocumentRenderer.MEDIA_TYPE)
    public Response document(@PathParam("id") UUID id) {
        return documents.render(id).response();
    }

    @PUT
    @Path("/{id}")
    @Requires(Permission.NOTICES_WRITE)
    public NoticeView update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull NoticeWrite body) {
        return service.update(id, IfMatch.required(ifMatch), body);
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.NOTICES_WRITE)
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, IfMatch.required(ifMatch));
    }

    @GET
    public Page<NoticeView> list(@QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("addresseeUnitId") UUID addresseeUnitId, @QueryParam("includeSubunits") Boolean includeSubunits,
            @QueryParam("overdue") Boolean overdue, @QueryParam("year") Integer year,
            @QueryParam("updatedSince") OffsetDateTime updatedSince, @BeanParam PageParams page) {
        var query = new NoticeService.Query(QueryValues.enums("type", type, NoticeType.class),
                QueryValues.enums("status", status, NoticeStatus.class), addresseeUnitId,
                Boolean.TRUE.equals(includeSubunits), overdue, year, updatedSince);
        return service.list(query, page.sort(), page.request());
    }

    @POST
    @Path("/{id}/transitions")
    @Requires(Permission.NOTICES_WRITE)
    public NoticeView transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TransitionRequest body) {
        return lifecycle.transition(id, IfMatch.required(ifMatch), body);
    }

    @GET
    @Path("/{id}/transitions")
    public Page<TransitionView> history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.history(id, page.sort(), page.request());
    }

    /** The addressed unit's rectification report; answered with the notice, now RESPONDED. */
    @POST
    @Path("/{id}/responses")
    @Requires(Permission.NOTICES_RESPOND)
    public Response respond(@PathParam("id") UUID id, @Valid @NotNull ResponseWrite body, UriInfo uri) {
        NoticeView notice = responses.respond(id, body);
        NoticeView.ResponseView response = notice.responses().get(notice.responses().size() - 1);
        return Response.created(uri.getAbsolutePathBuilder().path(response.id().toString()).build())
                .entity(notice).build();
    }
}
