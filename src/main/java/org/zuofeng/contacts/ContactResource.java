package org.zuofeng.contacts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.zuofeng.common.web.QueryValues;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code /api/v1/business-contacts}: the 亲清 register. Officials declare their own contacts with businesses, unit
 * officers on behalf of their units' officials; the commission reviews; each reads what {@link ContactAccess} lets
 * them.
 */
@Path("/api/v1/business-contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.CONTACTS_READ)
@Idempotent
public class ContactResource {

    private final ContactService service;

    public ContactResource(ContactService service) {
        this.service = service;
    }

    /** Declarations, by business across officials ({@code creditCode}, {@code business}), by official, and more. */
    @GET
    public Page<ContactView> list(@QueryParam("creditCode") String creditCode,
            @QueryParam("business") String business, @QueryParam("officialId") UUID officialId,
            @QueryParam("unitId") UUID unitId, @QueryParam("kind") String kind, @QueryParam("flag") String flag,
            @QueryParam("status") String status, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @BeanParam PageParams page) {
        return service.list(new ContactService.Query(creditCode, business, officialId, unitId,
                QueryValues.enums("kind", kind, ContactKind.class), flag,
                QueryValues.enums("status", status, ContactStatus.class), from, to), page.sort(), page.request());
    }

    @POST
    @Requires(Permission.CONTACTS_DECLARE)
    public Response declare(@Valid @NotNull ContactWrite body, UriInfo uri) {
        ContactView declared = service.declare(body);
        return Response.created(uri.getAbsolutePathBuilder().path(declared.id().toString()).build())
                .entity(declared).build();
    }

    @GET
    @Path("/{id}")
    public ContactView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/review")
    @Requires(Permission.CONTACTS_REVIEW)
    public ContactView review(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ReviewWrite body) {
        return service.review(id, IfMatch.required(ifMatch), body);
    }
}
