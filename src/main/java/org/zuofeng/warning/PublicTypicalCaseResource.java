package org.zuofeng.warning;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;

import java.util.UUID;

/** {@code /api/v1/public/typical-cases}: the published typical cases (典型案例), for anyone, without a token. */
@Path("/api/v1/public/typical-cases")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicTypicalCaseResource {

    private final TypicalCases typicalCases;

    public PublicTypicalCaseResource(TypicalCases typicalCases) {
        this.typicalCases = typicalCases;
    }

    @GET
    public Page<PublicTypicalCaseView> list(@QueryParam("year") Integer year, @BeanParam PageParams page) {
        return typicalCases.published(year, page.sort(), page.request());
    }

    @GET
    @Path("/{id}")
    public PublicTypicalCaseView get(@PathParam("id") UUID id) {
        return typicalCases.publishedOne(id);
    }
}
