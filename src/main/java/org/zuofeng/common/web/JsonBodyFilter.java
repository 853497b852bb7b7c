package org.zuofeng.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Holds JSON request bodies to {@code zuofeng.json.max-body-size} (413 problem) while the global HTTP limit stays
 * high for file uploads, and keeps the body's bytes for the idempotency check. A body must say what it is: one
 * without {@code Content-Type} is refused (415), never guessed to be JSON.
 */
public class JsonBodyFilter {

    /** Request property holding the JSON body's bytes. */
    public static final String BODY_BYTES = "zuofeng.jsonBody";

    private final long maxBytes;

    public JsonBodyFilter(WebConfig config) {
        this.maxBytes = config.json().maxBodySize();
    }

    /** Refuses a body of no declared type, and a declared oversize JSON body, before anything reads them. */
    @ServerRequestFilter(preMatching = true)
    public void refuseUntypedAndOversize(ContainerRequestContext request) {
        boolean hasBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (hasBody && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    Text.of("common.requestHasBodyButContent"));
        }
        if (isJson(request.getMediaType()) && request.getLength() > maxBytes) {
            throw tooLarge();
        }
    }

    /** Counts the bytes of a JSON body whose length was not declared, and keeps them. */
    @ServerRequestFilter
    public void bufferJson(ContainerRequestContext request) {
        if (!isJson(request.getMediaType()) || !request.hasEntity()) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (InputStream in = request.getEntityStream()) {
            for (int n; (n = in.read(chunk)) != -1; ) {
                body.write(chunk, 0, n);
                if (body.size() > maxBytes) {
                    throw tooLarge();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = body.toByteArray();
        request.setProperty(BODY_BYTES, bytes);
        request.setEntityStream(new ByteArrayInputStream(bytes));
    }

    private ProblemException tooLarge() {
        return new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE,
                Text.of("common.jsonRequestBodiesLimitedBytes", maxBytes));
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }
}
