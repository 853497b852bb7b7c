package org.zuofeng.documents;

import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines that fit: anywhere between Chinese characters, between Latin words (a word longer than a
 * line breaks where it must), never before a closing mark (避头: it hangs into the margin instead).
 */
final class LineBreaker {

    /** Characters that may not begin a line: they hang at the end of the one before. */
    private static final String NO_LINE_START = "，。、；：？！）》」』】〕”’…—,.;:?!)]%";

    private LineBreaker() {
    }

    /** The lines of {@code text}: the first within {@code firstWidth}, the others within {@code width}. */
    static List<String> wrap(PDType0Font font, float size, String text, float firstWidth, float width)
            throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        float room = firstWidth;
        for (String token : tokens(text)) {
            float w = DocumentFonts.width(font, size, token);
            boolean hangs = token.length() == 1 && NO_LINE_START.indexOf(token.charAt(0)) >= 0;
            if (used + w > room && !line.isEmpty() && !hangs) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                used = 0;
                room = width;
                if (token.isBlank()) {
                    continue;
                }
            }
            if (w > room && token.length() > 1) {
                for (int i = 0; i < token.length(); ) {
                    String piece = new String(Character.toChars(token.codePointAt(i)));
                    float pw = DocumentFonts.width(font, size, piece);
                    if (used + pw > room && !line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                        used = 0;
                        room = width;
                    }
                    line.append(piece);
                    used += pw;
                    i += piece.length();
                }
                continue;
            }
            line.append(token);
            used += w;
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Runs of Latin letters and digits stay together; every other character stands alone. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int end = i + Character.charCount(c);
            if (c < 0x2E80 && Character.isLetterOrDigit(c)) {
                while (end < text.length() && text.codePointAt(end) < 0x2E80
                        && Character.isLetterOrDigit(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
            }
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }
}
