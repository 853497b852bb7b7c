package org.zuofeng.clue;

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

/** {@code /api/v1/public/clarifications}: the published clarifications (澄清正名), for anyone, without a token. */
@Path(PublicClarificationResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicClarificationResource {

    static final String PATH = "/api/v1/public/clarifications";

    private final Clarifications clarifications;

    public PublicClarificationResource(Clarifications clarifications) {
        this.clarifications = clarifications;
    }

    @GET
    public Page<ClarificationView> list(@QueryParam("year") Integer year, @BeanParam PageParams page) {
        return clarifications.list(year, page.sort(), page.request());
    }

    @GET
    @Path("/{id}")
    public ClarificationView get(@PathParam("id") UUID id) {
        return clarifications.get(id);
    }
}
