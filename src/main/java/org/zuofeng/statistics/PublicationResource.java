package org.zuofeng.statistics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

/** {@code /api/v1/statistics/publications}: the commission marks a period's figures public. */
@Path("/api/v1/statistics/publications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.STATISTICS_PUBLISH)
@Idempotent
public class PublicationResource {

    private final StatisticsPublications publications;

    public PublicationResource(StatisticsPublications publications) {
        this.publications = publications;
    }

    /** Publishes the district's figures of a period; answered with them, where the public reads them. */
    @POST
    public Response publish(@Valid @NotNull PublicationWrite body) {
        PublicationView published = publications.publish(body);
        return Response.created(UriBuilder.fromPath(PublicStatisticsResource.PATH + "/{id}").build(published.id()))
                .entity(published).build();
    }
}
