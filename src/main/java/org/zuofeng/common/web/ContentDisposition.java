package org.zuofeng.common.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The {@code Content-Disposition} of a download (RFC 6266): always an attachment, never shown inline. */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /**
     * {@code attachment} with the name twice: as {@code filename*} in UTF-8 (RFC 8187), and for clients that read
     * only {@code filename}, its ASCII letters, digits and {@code .-_} alone.
     */
    public static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("_+", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
