package org.zuofeng.documents;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.zuofeng.common.web.ContentDigest;
import org.zuofeng.common.web.ContentDisposition;

/** A formal document as PDF bytes, with their SHA-256 (lower-case hex) and the name to file it under. */
public record RenderedDocument(byte[] pdf, String sha256, String fileName) {

    /**
     * The document as a download, filed under its number, its SHA-256 in {@code Repr-Digest} (RFC 9530) for
     * whoever files it.
     */
    public Response response() {
        return Response.ok(pdf, DocumentRenderer.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, pdf.length)
                .header("Content-Disposition", ContentDisposition.attachment(fileName))
                .header("Repr-Digest", ContentDigest.of(sha256))
                .build();
    }
}
