package org.zuofeng.evidence;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.web.WireFormats;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/uploads}: resumable evidence uploads by the tus 1.0 protocol, with its {@code creation},
 * {@code checksum} and {@code expiration} extensions, so that tus clients (tus-java-client and tus-android-client,
 * TUSKit, tus-js-client) work unchanged. Written in-house: the maintained Java server (tus-java-server) is built on
 * the Servlet API, which Quarkus REST does not run on.
 */
@Path("/api/v1/uploads")
@Requires(Permission.EVIDENCE_UPLOAD)
public class TusUploadResource {

    static final String TUS_VERSION = "1.0.0";
    static final String EXTENSIONS = "creation,checksum,expiration";
    static final String OFFSET_STREAM = "application/offset+octet-stream";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ResumableUploads uploads;

    public TusUploadResource(ResumableUploads uploads) {
        this.uploads = uploads;
    }

    /** What this server speaks of tus; anyone may ask (a browser asks before it sends its token). */
    @OPTIONS
    @PermitAll
    public Response options() {
        return Response.noContent()
                .header("Tus-Resumable", TUS_VERSION)
                .header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", EXTENSIONS)
                .header("Tus-Max-Size", uploads.maxSize())
                .header("Tus-Checksum-Algorithm", String.join(",", ResumableUploads.CHECKSUMS))
                .build();
    }

    /** Creation: what the upload becomes is in {@code Upload-Metadata}; its size in {@code Upload-Length}. */
    @POST
    public Response create(@HeaderParam("Tus-Resumable") String resumable,
            @HeaderParam("Upload-Length") String length, @HeaderParam("Upload-Metadata") String metadata,
            @Context UriInfo uri) {
        requireTus(resumable);
        long size = positive("Upload-Length", length);
        ResumableUpload upload = uploads.create(declared(metadata), size);
        return tus(Response.status(Response.Status.CREATED), upload)
                .location(uri.getAbsolutePathBuilder().path(upload.id.toString()).build())
                .build();
    }

    /** Where the upload stands. */
    @HEAD
    @Path("/{id}")
    public Response offset(@PathParam("id") UUID id, @HeaderParam("Tus-Resumable") String resumable) {
        requireTus(resumable);
        return tus(Response.ok(), uploads.find(id)).header("Cache-Control", "no-store").build();
    }

    /** Appends a chunk at the offset the server has. */
    @PATCH
    @Path("/{id}")
    @Consumes(OFFSET_STREAM)
    public Response append(@PathParam("id") UUID id, @HeaderParam("Tus-Resumable") String resumable,
            @HeaderParam("Upload-Offset") String offset, @HeaderParam("Upload-Checksum") String checksum,
            InputStream chunk) {
        requireTus(resumable);
        long at = nonNegative("Upload-Offset", offset);
        return tus(Response.noContent(), uploads.append(id, at, chunk, checksum)).build();
    }

    /** PATCH for clients whose HTTP stack cannot send it ({@code X-HTTP-Method-Override: PATCH}, as tus allows). */
    @POST
    @Path("/{id}")
    @Consumes(OFFSET_STREAM)
    public Response appendOverridden(@PathParam("id") UUID id, @HeaderParam("Tus-Resumable") String resumable,
            @HeaderParam("Upload-Offset") String offset, @HeaderParam("Upload-Checksum") String checksum,
            @HeaderParam("X-HTTP-Method-Override") String override, InputStream chunk) {
        if (!"PATCH".equalsIgnoreCase(override)) {
            throw ProblemException.invalidParameter("X-HTTP-Method-Override", Text.of("field.patchAppendChunk"));
        }
        return append(id, resumable, offset, checksum, chunk);
    }

    private static Response.ResponseBuilder tus(Response.ResponseBuilder response, ResumableUpload upload) {
        return response.header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", upload.offset)
                .header("Upload-Length", upload.length)
                .header("Upload-Expires", HTTP_DATE.format(upload.expiresAt));
    }

    private static void requireTus(String resumable) {
        if (!TUS_VERSION.equals(resumable)) {
            throw new ProblemException(ErrorCode.TUS_VERSION_UNSUPPORTED, Text.of("evidence.sendTusResumable",
                    TUS_VERSION))
                    .withHeader("Tus-Version", TUS_VERSION);
        }
    }

    /**
     * The evidence the upload becomes, from {@code Upload-Metadata} (comma-separated {@code key base64(value)}):
     * {@code evidenceId}, {@code findingId} or {@code inspectionId}, {@code sha256} (hex), {@code mediaType};
     * optionally {@code filename}, {@code capturedAt} and {@code captureStatement} (signed on the device).
     */
    private static ResumableUploads.Declared declared(String header) {
        Map<String, String> values = new HashMap<>();
        if (header != null && !header.isBlank()) {
            for (String pair : header.split(",")) {
                String[] parts = pair.trim().split(" ", 2);
                try {
                    values.put(parts[0], parts.length == 2
                            ? new String(Base64.getDecoder().decode(parts[1].trim()), StandardCharsets.UTF_8) : "");
                } catch (IllegalArgumentException e) {
                    throw metadata(Text.of("field.metadataNotBase64", parts[0]));
                }
            }
        }
        UUID evidenceId = uuid(values, "evidenceId");
        String finding = values.get("findingId");
        String inspection = values.get("inspectionId");
        if ((finding == null) == (inspection == null)) {
            throw metadata(Text.of("field.metadataOwner"));
        }
        EvidenceService.Owner owner = finding != null ? EvidenceService.Owner.finding(uuid(values, "findingId"))
                : EvidenceService.Owner.inspection(uuid(values, "inspectionId"));
        String sha256 = values.get("sha256");
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw metadata(Text.of("field.metadataSha256"));
        }
        String mediaType = values.get("mediaType");
        if (mediaType == null || mediaType.isBlank()) {
            throw metadata(Text.of("field.metadataMediaType"));
        }
        return new ResumableUploads.Declared(evidenceId, owner, sha256, mediaType, values.get("filename"),
                instant(values.get("capturedAt")), EvidenceUpload.statement(values.get("captureStatement")));
    }

    private static Instant instant(String capturedAt) {
        if (capturedAt == null) {
            return null;
        }
        try {
            return WireFormats.dateTime(capturedAt).toInstant();
        } catch (DateTimeException e) {
            throw metadata(Text.of("field.metadataCapturedAt"));
        }
    }

    private static UUID uuid(Map<String, String> values, String key) {
        String value = values.get(key);
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw metadata(Text.of("field.metadataUuid", key));
    }

    private static long positive(String header, String value) {
        long parsed = nonNegative(header, value);
        if (parsed == 0) {
            throw ProblemException.invalidParameter(header, Text.of("field.atLeastOne"));
        }
        return parsed;
    }

    private static long nonNegative(String header, String value) {
        try {
            long parsed = Long.parseLong(value == null ? "" : value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidParameter(header, Text.of("field.nonNegativeInteger"));
    }

    private static ProblemException metadata(Text detail) {
        return ProblemException.invalidParameter("Upload-Metadata", detail);
    }
}
