package org.zuofeng.evidence;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer of the tus endpoints says {@code Tus-Resumable}, problems included (tus 1.0: every response but the
 * answer to {@code OPTIONS} carries it), so that a tus client reads a refusal as one of its protocol.
 */
public class TusHeaders {

    private static final String PATH = "api/v1/uploads";

    @ServerResponseFilter
    public void resumable(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if ((path.startsWith(PATH) || path.startsWith("/" + PATH)) && !"OPTIONS".equals(request.getMethod())) {
            response.getHeaders().putSingle("Tus-Resumable", TusUploadResource.TUS_VERSION);
        }
    }
}
