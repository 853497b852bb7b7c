package org.zuofeng.evidence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.util.UUID;

/**
 * {@code /api/v1/sync/devices}: the keys field devices sign their captures with. A device that pushes registers its
 * P-256 key; the commission revokes a lost or stolen one.
 */
@Path("/api/v1/sync/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.DEVICES_READ)
public class CaptureDeviceResource {

    private final CaptureDevices devices;

    public CaptureDeviceResource(CaptureDevices devices) {
        this.devices = devices;
    }

    @POST
    @Requires(Permission.SYNC_PUSH)
    public Response register(@Valid @NotNull DeviceWrite body, UriInfo uri) {
        Creation<DeviceView> registered = devices.register(body);
        if (!registered.created()) {
            return Response.ok(registered.view()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(registered.view().id().toString()).build())
                .entity(registered.view()).build();
    }

    @GET
    public Page<DeviceView> list(@BeanParam PageParams page) {
        return devices.list(page.sort(), page.request());
    }

    @GET
    @Path("/{id}")
    public DeviceView get(@PathParam("id") UUID id) {
        return devices.get(id);
    }

    /** Revokes the device's key: every statement it signed is judged {@code INVALID} from now on. */
    @POST
    @Path("/{id}/revocation")
    @Requires(Permission.DEVICES_REVOKE)
    public DeviceView revoke(@PathParam("id") UUID id, @Valid @NotNull RevocationWrite body) {
        return devices.revoke(id, body);
    }
}
