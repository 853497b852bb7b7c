package org.zuofeng.clue;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.zuofeng.common.persistence.Creation;

import java.io.InputStream;

/**
 * {@code /api/v1/public/reports}: reporting to the commission with no account (检举控告). A report costs a solved
 * challenge and gets a receipt; the receipt, always in a body, reads the report and answers the commission's
 * questions, and buys a ticket to attach files. Nothing identifying a reporter is kept: no address, user agent or time
 * finer than the day, no file name.
 */
@Path("/api/v1/public/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicReportResource {

    private final PublicReportService service;
    private final ReportAttachments attachments;

    public PublicReportResource(PublicReportService service, ReportAttachments attachments) {
        this.service = service;
        this.attachments = attachments;
    }

    /** A proof-of-work challenge for one report. */
    @GET
    @Path("/challenge")
    public ReportChallenges.Challenge challenge() {
        return service.challenge();
    }

    /** Sends a report; the answer holds the receipt, shown this once. */
    @POST
    public Response submit(@Valid @NotNull PublicReportWrite body, @Context HttpServerRequest request) {
        return Response.status(Response.Status.CREATED).entity(service.submit(body, request.remoteAddress())).build();
    }

    /** The report a receipt opens: where it stands, and the conversation with the commission. */
    @POST
    @Path("/status")
    public PublicReportView status(@Valid @NotNull ReceiptWrite body, @Context HttpServerRequest request) {
        return service.status(body, request.remoteAddress());
    }

    /** Answers the commission's question. */
    @POST
    @Path("/answers")
    public PublicReportView answer(@Valid @NotNull AnswerWrite body, @Context HttpServerRequest request) {
        return service.answer(body, request.remoteAddress());
    }

    /** A ticket to attach files to the report the receipt opens, for a while. */
    @POST
    @Path("/attachment-tickets")
    public Response ticket(@Valid @NotNull ReceiptWrite body, @Context HttpServerRequest request) {
        return Response.status(Response.Status.CREATED).entity(service.ticket(body, request.remoteAddress())).build();
    }

    /** Attaches the body's bytes to the report of the ticket in {@code Report-Ticket}; same bytes again answer 200. */
    @POST
    @Path("/attachments")
    @Consumes(MediaType.WILDCARD)
    public Response attach(InputStream body, @HeaderParam("Report-Ticket") String ticket,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength) {
        Creation<AttachmentView> kept = attachments.upload(ticket, contentType, contentLength, body);
        return Response.status(kept.created() ? Response.Status.CREATED : Response.Status.OK).entity(kept.view())
                .build();
    }
}
