package org.zuofeng.duty;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;

/** {@code /api/v1/public/units/{code}/lists/{kind}}: a unit's published lists, for everyone. */
@Path("/api/v1/public/units/{code}/lists/{kind}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicDutyListResource {

    private final DutyListService service;

    public PublicDutyListResource(DutyListService service) {
        this.service = service;
    }

    /** The version in effect today. */
    @GET
    public PublicDutyListView current(@PathParam("code") @Size(max = 64) String code,
            @PathParam("kind") DutyListKind kind) {
        return service.publicCurrent(code, kind);
    }

    /** Every published version, newest first. */
    @GET
    @Path("/versions")
    public Page<PublicDutyListView> versions(@PathParam("code") @Size(max = 64) String code,
            @PathParam("kind") DutyListKind kind, @BeanParam PageParams page) {
        return service.publicVersions(code, kind, page.sort(), page.request());
    }
}
