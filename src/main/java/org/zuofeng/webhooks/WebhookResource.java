package org.zuofeng.webhooks;

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

/**
 * {@code /api/v1/webhook-subscriptions}: the event feed pushed to other systems, signed by Standard Webhooks.
 * Admins and integration clients subscribe; each sees and manages its own (admins all of them).
 */
@Path("/api/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.WEBHOOKS_MANAGE)
@Idempotent
public class WebhookResource {

    /** The body of a replay: a cursor of the event feed, from which every event is sent again. */
    public record Replay(@NotNull String cursor) {
    }

    private final WebhookService service;

    public WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    public Response create(@Valid @NotNull WebhookSubscriptionWrite body, UriInfo uri) {
        WebhookSubscriptionView created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    public Page<WebhookSubscriptionView> list(@BeanParam PageParams page) {
        return service.list(page.sort(), page.request());
    }

    @GET
    @Path("/{id}")
    public WebhookSubscriptionView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    public WebhookSubscriptionView update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull WebhookSubscriptionWrite body) {
        return service.update(id, IfMatch.required(ifMatch), body);
    }

    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, IfMatch.required(ifMatch));
    }

    @POST
    @Path("/{id}/secret-rotations")
    public WebhookSubscriptionView rotateSecret(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.rotateSecret(id, IfMatch.required(ifMatch));
    }

    @POST
    @Path("/{id}/replay")
    public WebhookSubscriptionView replay(@PathParam("id") UUID id, @Valid @NotNull Replay body) {
        return service.replay(id, body.cursor());
    }

    @GET
    @Path("/{id}/deliveries")
    public Page<WebhookAttemptView> deliveries(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.deliveries(id, page.sort(), page.request());
    }
}
