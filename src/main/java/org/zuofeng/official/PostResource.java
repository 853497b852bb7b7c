package org.zuofeng.official;

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

import java.util.UUID;

/** {@code /api/v1/officials/{officialId}/posts}: an official's posts over time. */
@Path("/api/v1/officials/{officialId}/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.OFFICIALS_READ)
@Idempotent
public class PostResource {

    private final PostService service;

    public PostResource(PostService service) {
        this.service = service;
    }

    @GET
    public Page<PostView> list(@PathParam("officialId") UUID officialId, @BeanParam PageParams page) {
        return service.list(officialId, page.sort(), page.request());
    }

    @POST
    @Requires(Permission.OFFICIALS_WRITE)
    public Response create(@PathParam("officialId") UUID officialId, @Valid @NotNull PostWrite body, UriInfo uri) {
        PostView created = service.create(officialId, body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("/{postId}")
    @Requires(Permission.OFFICIALS_WRITE)
    public PostView update(@PathParam("officialId") UUID officialId, @PathParam("postId") UUID postId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PostWrite body) {
        return service.update(officialId, postId, IfMatch.required(ifMatch), body);
    }
}
