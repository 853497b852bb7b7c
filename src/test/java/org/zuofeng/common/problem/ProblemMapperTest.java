package org.zuofeng.common.problem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A refusal of the HTTP layer that has no problem code of its own keeps its status, and is still a problem. */
@QuarkusTest
class ProblemMapperTest {

    @Inject
    ProblemMapper mapper;

    @Test
    @ActivateRequestContext
    void anUnlistedClientErrorKeepsItsStatusRatherThanBecomingAConflict() {
        for (int status : new int[] {410, 411, 414, 418, 431}) {
            Response response = mapper.web(new ClientErrorException(status), null, uri("/api/v1/units"));
            assertEquals(status, response.getStatus());
            assertEquals(ProblemMapper.PROBLEM_JSON, response.getMediaType().toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) response.getEntity();
            assertEquals(status, body.get("status"));
            assertEquals("REQUEST_REFUSED", body.get("code"));
        }
    }

    private static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> method.getName().equals("getPath") ? path : null);
    }
}
