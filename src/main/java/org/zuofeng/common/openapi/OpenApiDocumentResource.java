package org.zuofeng.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Serves the contract as JSON beside the API ({@code /q/openapi} serves the same document as YAML or JSON). */
@Path("/api/v1/openapi.json")
@PermitAll
public class OpenApiDocumentResource {

    private final Contract contract;

    public OpenApiDocumentResource(Contract contract) {
        this.contract = contract;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode document() {
        return contract.document();
    }
}
