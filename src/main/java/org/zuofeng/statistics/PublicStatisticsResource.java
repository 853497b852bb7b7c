package org.zuofeng.statistics;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;

import java.util.UUID;

/** {@code /api/v1/public/statistics}: the figures the commission has published, for everyone. */
@Path(PublicStatisticsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicStatisticsResource {

    static final String PATH = "/api/v1/public/statistics";

    private final StatisticsPublications publications;

    public PublicStatisticsResource(StatisticsPublications publications) {
        this.publications = publications;
    }

    /** Every publication, newest first. */
    @GET
    public Page<PublicationView> list(@BeanParam PageParams page) {
        return publications.list(page.sort(), page.request());
    }

    @GET
    @Path("/{id}")
    public PublicationView get(@PathParam("id") UUID id) {
        return publications.get(id);
    }
}
