package org.zuofeng.assessment;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;

/** The published assessments, for anyone, without a token. */
@Path("/api/v1/public")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicAssessmentResource {

    private final PublicAssessmentService service;

    public PublicAssessmentResource(PublicAssessmentService service) {
        this.service = service;
    }

    /** Assessments in public notice (公示). */
    @GET
    @Path("/assessment-notices")
    public Page<PublicAssessmentView> notices(@QueryParam("year") Integer year, @BeanParam PageParams page) {
        return service.notices(year, page.sort(), page.request());
    }

    /** Final results. */
    @GET
    @Path("/assessment-results")
    public Page<PublicAssessmentView> results(@QueryParam("year") Integer year, @BeanParam PageParams page) {
        return service.results(year, page.sort(), page.request());
    }
}
