package org.zuofeng.common.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.List;

/** The page behind each problem {@code type} URI: what the problem means, as HTML for people or JSON for programs. */
@Path("/api/v1/problems")
@PermitAll
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
public class ProblemTypeResource {

    /** One problem type as JSON. */
    public record ProblemType(String type, String code, int status, String title, String titleZh,
            String description) {
        static ProblemType of(ErrorCode code) {
            return new ProblemType(code.type(), code.name(), code.status(), code.title(false), code.title(true),
                    code.description());
        }
    }

    /** Every problem type. */
    public record ProblemTypeList(List<ProblemType> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ProblemTypeList list() {
        return new ProblemTypeList(Arrays.stream(ErrorCode.values()).map(ProblemType::of).toList());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String listPage() {
        StringBuilder html = page("Zuofeng API problem types").append("<ul>");
        for (ErrorCode code : ErrorCode.values()) {
            html.append("<li><a href=\"").append(code.type()).append("\">").append(code.name()).append("</a> (")
                    .append(code.status()).append("): ").append(escape(code.title(false))).append("</li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    @GET
    @Path("/{type}")
    @Produces(MediaType.APPLICATION_JSON)
    public ProblemType get(@PathParam("type") String type) {
        return ProblemType.of(find(type));
    }

    @GET
    @Path("/{type}")
    @Produces(MediaType.TEXT_HTML)
    public String getPage(@PathParam("type") String type) {
        ErrorCode code = find(type);
        return page(code.title(false)).append("<p lang=\"zh-CN\">").append(escape(code.title(true))).append("</p>")
                .append("<dl><dt>code</dt><dd><code>").append(code.name()).append("</code></dd>")
                .append("<dt>status</dt><dd>").append(code.status()).append("</dd></dl>")
                .append("<p>").append(escape(code.description())).append("</p></body></html>").toString();
    }

    private static ErrorCode find(String type) {
        return ErrorCode.bySlug(type).orElseThrow(() -> ProblemException.notFound("problemType", type));
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head><body><h1>").append(escape(title)).append("</h1>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "");
    }
}
