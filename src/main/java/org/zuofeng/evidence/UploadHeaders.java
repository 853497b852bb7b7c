package org.zuofeng.evidence;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;

import java.io.InputStream;

/** The headers that describe an evidence upload. */
public class UploadHeaders {

    @HeaderParam(HttpHeaders.CONTENT_TYPE)
    String contentType;

    @HeaderParam(HttpHeaders.CONTENT_LENGTH)
    Long contentLength;

    @HeaderParam("Content-Digest")
    String contentDigest;

    @HeaderParam("X-Captured-At")
    String capturedAt;

    @HeaderParam("X-File-Name")
    String fileName;

    @HeaderParam("Capture-Statement")
    String captureStatement;

    public EvidenceUpload upload(InputStream body) {
        return EvidenceUpload.of(body, contentType, contentLength, contentDigest, capturedAt, fileName,
                captureStatement);
    }
}
