package org.zuofeng.documents;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The document font, Noto Serif SC (SIL Open Font License 1.1; the build fetches it from the npm registry and checks
 * its SHA-256), in two weights. The files are read once, on the first document (not at start-up); each document
 * parses its own copy, since a parsed font is not safe to share.
 */
final class DocumentFonts {

    private static final String FONTS = "/org/zuofeng/documents/";
    private static final int MISSING = '□';

    private DocumentFonts() {
    }

    static TrueTypeFont regular() throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(Files.REGULAR));
    }

    static TrueTypeFont bold() throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(Files.BOLD));
    }

    /** The text with every character the font cannot draw replaced by □ (line breaks by spaces). */
    static String printable(TrueTypeFont font, String text) throws IOException {
        var cmap = font.getUnicodeCmapLookup();
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int printable = Character.isWhitespace(c) ? ' ' : c;
            shown.appendCodePoint(cmap.getGlyphId(printable) > 0 ? printable : MISSING);
        });
        return shown.toString();
    }

    static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The font files' bytes, read when the first document needs them (the class is initialised once). */
    private static final class Files {
        static final byte[] REGULAR = read("NotoSerifSC_400Regular.ttf");
        static final byte[] BOLD = read("NotoSerifSC_700Bold.ttf");

        private static byte[] read(String name) {
            try (InputStream in = DocumentFonts.class.getResourceAsStream(FONTS + name)) {
                if (in == null) {
                    throw new IllegalStateException("The document font " + name + " is not on the classpath: the"
                            + " build fetches it (see pom.xml, document-font)");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
