package org.zuofeng.support;

import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

/** A formal document as a reader gets it: its pages, their size, its text, its fonts, and its digest. */
public record Pdf(byte[] bytes, int pages, String text, List<String> fontsNotEmbedded) {

    /** Downloads {@code path} as PDF (200), checks its {@code Repr-Digest} against the bytes, and reads it. */
    public static Pdf download(String subject, String role, String path, Object... params) {
        Response response = Api.downloadAs(subject, role).accept("application/pdf").get(path, params);
        response.then().statusCode(200).contentType("application/pdf");
        byte[] bytes = response.asByteArray();
        assertThat("Repr-Digest is the SHA-256 of the bytes", response.header("Repr-Digest"),
                equalTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256(bytes)) + ":"));
        return read(bytes);
    }

    /** Reads a PDF; every page must be A4 portrait. */
    public static Pdf read(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            List<String> notEmbedded = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                assertThat("A4 width", (double) page.getMediaBox().getWidth(), closeTo(595.28, 0.01));
                assertThat("A4 height", (double) page.getMediaBox().getHeight(), closeTo(841.89, 0.01));
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        notEmbedded.add(font.getName());
                    }
                }
            }
            return new Pdf(bytes, document.getNumberOfPages(), new PDFTextStripper().getText(document),
                    notEmbedded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text without line breaks and spaces, for phrases that may wrap. */
    public String flatText() {
        return text.replaceAll("\\s+", "");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
