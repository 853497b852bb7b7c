package org.zuofeng.notice;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;

/** {@code GET /api/v1/public/exposures}: the published notices, for anyone, without a token. */
@Path("/api/v1/public/exposures")
@PermitAll
public class PublicExposureResource {

    private final PublicExposureService service;

    public PublicExposureResource(PublicExposureService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<PublicExposureView> list(@QueryParam("year") Integer year, @BeanParam PageParams page) {
        return service.list(year, page.sort(), page.request());
    }
}
