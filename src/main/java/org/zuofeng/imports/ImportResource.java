package org.zuofeng.imports;

import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.idempotency.IdempotencyFilter;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.ProblemRendering;
import org.zuofeng.common.web.ContentDigest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /api/v1/imports}: the personnel system's units, officials and posts in bulk, as CSV or NDJSON, by HR and
 * admins; answered with what came of each row.
 */
@Path("/api/v1/imports")
@Requires(Permission.IMPORTS_RUN)
public class ImportResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final ImportService service;

    public ImportResource(ImportService service) {
        this.service = service;
    }

    @POST
    @Consumes({CSV, NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport importRows(@QueryParam("entity") ImportEntity entity,
            @QueryParam("system") @Pattern(regexp = "[a-z][a-z0-9-]{0,31}") String system,
            @QueryParam("dryRun") Boolean dryRun,
            @HeaderParam(IdempotencyFilter.HEADER) String idempotencyKey,
            @HeaderParam("Content-Digest") String contentDigest,
            @Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        if (entity == null) {
            throw ProblemException.invalidParameter("entity", "is required: UNIT, OFFICIAL or POST");
        }
        if (contentDigest != null || idempotencyKey != null) {
            // With a key, the digest is what makes a retry "the same request" (the body is not kept).
            if (!ContentDigest.sha256Of(contentDigest).equals(Digests.sha256Hex(body))) {
                throw new ProblemException(ErrorCode.DIGEST_MISMATCH,
                        "The body does not have the SHA-256 given in Content-Digest; nothing was imported");
            }
        }
        String text = utf8(body);
        boolean csv = headers.getMediaType() != null && headers.getMediaType().isCompatible(MediaType.valueOf(CSV));
        List<com.fasterxml.jackson.databind.node.ObjectNode> rows = csv ? service.fromCsv(text)
                : service.fromNdjson(text);
        return service.run(entity, system == null ? "personnel" : system, Boolean.TRUE.equals(dryRun), rows,
                ProblemRendering.of(headers, uri));
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalidParameter("body", "is not UTF-8 text");
        }
    }

}
