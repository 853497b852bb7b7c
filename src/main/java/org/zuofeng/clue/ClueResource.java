package org.zuofeng.clue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.web.ContentDisposition;
import org.zuofeng.evidence.KeptContent;

import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/v1/clues}: the clue register (问题线索). The commission registers clues from every source but public
 * reports, which register themselves, asks reporters questions, and handles each clue by one of the four ways, one
 * member proposing and another deciding; admins and auditors read everything. To every
 * other role the register does not exist: 404, as for a clue that is not there.
 */
@Path("/api/v1/clues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.CLUES_READ)
@Idempotent
public class ClueResource {

    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png",
            "image/heic", "heic", "video/mp4", "mp4", "video/quicktime", "mov", "application/pdf", "pdf",
            "audio/mpeg", "mp3", "audio/mp4", "m4a", "audio/wav", "wav", "audio/amr", "amr");

    private final ClueService service;
    private final ClueHandling handling;
    private final IdentityCustody custody;
    private final Clarifications clarifications;
    private final ReportAttachments attachments;
    private final KeptContent content;

    public ClueResource(ClueService service, ClueHandling handling, IdentityCustody custody,
            Clarifications clarifications, ReportAttachments attachments, KeptContent content) {
        this.service = service;
        this.handling = handling;
        this.custody = custody;
        this.clarifications = clarifications;
        this.attachments = attachments;
        this.content = content;
    }

    @GET
    public Page<ClueView> list(@QueryParam("status") ClueStatus status, @QueryParam("source") ClueSource source,
            @QueryParam("year") Integer year, @QueryParam("unitId") UUID unitId,
            @QueryParam("overdue") Boolean overdue, @BeanParam PageParams page) {
        return service.list(status, source, year, unitId, overdue, page.sort(), page.request());
    }

    @POST
    @Requires(Permission.CLUES_WRITE)
    public Response register(@Valid @NotNull ClueWrite body, UriInfo uri) {
        ClueView registered = service.register(body);
        return Response.created(uri.getAbsolutePathBuilder().path(registered.id().toString()).build())
                .entity(registered).build();
    }

    @GET
    @Path("/{id}")
    public ClueView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    /** Sets the units and officials the clue concerns, as the commission identifies them. */
    @PUT
    @Path("/{id}/subjects")
    @Requires(Permission.CLUES_WRITE)
    public ClueView link(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SubjectsWrite body) {
        return service.link(id, IfMatch.required(ifMatch), body);
    }

    /**
     * The bytes of an attachment of the clue's public report, as a download in a sandbox that runs nothing (as
     * evidence is sent), under a name made of its position: the reporter's own file name was never kept.
     */
    @GET
    @Path("/{id}/attachments/{position}/content")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") UUID id, @PathParam("position") int position) {
        AttachmentView attachment = attachments.readable(id, position);
        InputStream opened = content.open(attachment.sha256(), 0, attachment.size());
        StreamingOutput bytes = out -> {
            try (opened) {
                opened.transferTo(out);
            }
        };
        return Response.ok(bytes).type(attachment.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, attachment.size())
                .header(HttpHeaders.ETAG, "\"" + attachment.sha256() + "\"")
                .header("Content-Disposition", ContentDisposition.attachment("attachment-" + position + "."
                        + EXTENSIONS.getOrDefault(attachment.mediaType(), "bin")))
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .build();
    }

    /** A question to the reporter of the clue's public report; they read it with their receipt. */
    @POST
    @Path("/{id}/questions")
    @Requires(Permission.CLUES_WRITE)
    public ClueView ask(@PathParam("id") UUID id, @Valid @NotNull QuestionWrite body) {
        return service.ask(id, body);
    }

    /** Proposes one of the four ways of handling the clue, with reasons. */
    @POST
    @Path("/{id}/proposal")
    @Requires(Permission.CLUES_WRITE)
    public ClueView propose(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProposalWrite body) {
        return handling.propose(id, IfMatch.required(ifMatch), body);
    }

    /** Approves or refuses the proposal: never by its proposer. */
    @POST
    @Path("/{id}/decision")
    @Requires(Permission.CLUES_WRITE)
    public ClueView decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ApprovalWrite body) {
        return handling.decide(id, IfMatch.required(ifMatch), body);
    }

    /** Concludes the handling: the outcome, and the inspection or case that follows it. */
    @POST
    @Path("/{id}/conclusion")
    @Requires(Permission.CLUES_WRITE)
    public ClueView conclude(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ConclusionWrite body) {
        return handling.conclude(id, IfMatch.required(ifMatch), body);
    }

    /** Publishes a clarification (澄清正名) for an official the concluded clue proved unfounded against. */
    @POST
    @Path("/{id}/clarifications")
    @Requires(Permission.CLUES_WRITE)
    public Response clarify(@PathParam("id") UUID id, @Valid @NotNull ClarificationWrite body, UriInfo uri) {
        ClarificationView published = clarifications.publish(id, body);
        return Response.created(uri.getBaseUriBuilder().path(PublicClarificationResource.PATH)
                .path(published.id().toString()).build()).entity(published).build();
    }

    /** Asks, with a reason, to read the identity of the clue's real-name reporter; a custodian decides. */
    @POST
    @Path("/{id}/identity-requests")
    @Requires(Permission.CLUES_WRITE)
    public Response requestIdentity(@PathParam("id") UUID id, @Valid @NotNull IdentityRequestWrite body,
            UriInfo uri) {
        IdentityRequestView requested = custody.request(id, body);
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/identity-requests")
                .path(requested.id().toString()).build()).entity(requested).build();
    }

    /** Records the day a real-name reporter was told of the acceptance or the result. */
    @POST
    @Path("/{id}/reporter-told")
    @Requires(Permission.CLUES_WRITE)
    public ClueView told(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ToldWrite body) {
        return handling.told(id, IfMatch.required(ifMatch), body);
    }
}
