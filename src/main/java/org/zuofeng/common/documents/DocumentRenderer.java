package org.zuofeng.common.documents;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.zuofeng.common.config.ZuofengConfig;
import org.zuofeng.common.time.Times;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Lays out a {@link FormalDocument} as an A4 PDF in the manner of GB/T 9704-2012 (党政机关公文格式): the organ's
 * mark in red over a red rule, the number, the title, the addressees, a body of 3号 (16 pt) text on 22 lines a page
 * within the standard margins, the organ and the date at the foot, and "— n —" under every page.
 *
 * <p>The text is set in Noto Serif SC (SIL Open Font License 1.1; the build fetches it from the npm registry and
 * checks its SHA-256), embedded as a subset with its Unicode map, so the Chinese text renders anywhere and can be
 * extracted. A character the font lacks prints as □. The output depends only on the document: its dates come from
 * the record, its file identifier from the record's identity, and the font subset's tag from the glyphs used, so the
 * same record gives the same bytes every time, on every replica.
 */
@ApplicationScoped
public class DocumentRenderer {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final String FONTS = "/org/zuofeng/common/documents/";
    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float TOP = 37 * MM;
    private static final float BOTTOM = 35 * MM;
    private static final float LEFT = 28 * MM;
    private static final float RIGHT = 26 * MM;
    private static final float WIDTH = PAGE.getWidth() - LEFT - RIGHT;
    private static final float BODY = 16f;
    private static final float LINE = (PAGE.getHeight() - TOP - BOTTOM) / 22;
    private static final float TITLE = 22f;
    private static final float MARK = 30f;
    private static final float PAGE_NUMBER = 14f;
    private static final float[] RED = {0.9f, 0f, 0.07f};
    private static final int MISSING = '□';
    /** Characters that may not begin a line (避头): they hang at the end of the one before. */
    private static final String NO_LINE_START = "，。、；：？！）》」』】〕”’…—,.;:?!)]%";

    private final String organ;
    private volatile Fonts fonts;

    public DocumentRenderer(ZuofengConfig config) {
        this.organ = config.documents().organ();
    }

    public RenderedDocument render(FormalDocument document) {
        try (TrueTypeFont regular = fonts().regular(); TrueTypeFont bold = fonts().bold();
                PDDocument pdf = new PDDocument()) {
            describe(pdf, document);
            Typesetter page = new Typesetter(pdf, PDType0Font.load(pdf, regular, true),
                    PDType0Font.load(pdf, bold, true), regular, bold);
            page.head(organ, document.number());
            page.centred(true, TITLE, TITLE * 1.6f, document.title());
            page.skip(LINE / 2);
            if (document.addressedTo() != null) {
                page.text(false, document.addressedTo() + "：", 0, 0);
            }
            for (FormalDocument.Block block : document.body()) {
                switch (block.kind()) {
                    case ROW, HEADER_ROW -> page.row(block.kind() == FormalDocument.Kind.HEADER_ROW,
                            block.text().split("\t", -1));
                    default -> page.text(block.kind() == FormalDocument.Kind.HEADING, block.text(), 2 * BODY, 0);
                }
            }
            page.foot(organ, chinese(document.dated()));
            page.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            byte[] bytes = out.toByteArray();
            return new RenderedDocument(bytes, HexFormat.of().formatHex(sha256(bytes)), document.number() + ".pdf");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render document " + document.identity(), e);
        }
    }

    /** 2026年3月1日: the date as GB/T 9704 writes it. */
    public static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private void describe(PDDocument pdf, FormalDocument document) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(document.title());
        info.setSubject(document.number());
        info.setAuthor(organ);
        info.setCreator("Zuofeng");
        GregorianCalendar created = new GregorianCalendar(TimeZone.getTimeZone(Times.ZONE), Locale.ROOT);
        created.setTimeInMillis(document.recordedAt().toEpochMilli());
        info.setCreationDate(created);
        pdf.getDocumentCatalog().setLanguage("zh-CN");
        byte[] id = Arrays.copyOf(sha256(document.identity().getBytes(StandardCharsets.UTF_8)), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The two weights, read from the classpath on the first document (not at start-up). */
    private Fonts fonts() {
        Fonts loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                loaded = fonts;
                if (loaded == null) {
                    loaded = new Fonts(read("NotoSerifSC_400Regular.ttf"), read("NotoSerifSC_700Bold.ttf"));
                    fonts = loaded;
                }
            }
        }
        return loaded;
    }

    private static byte[] read(String name) {
        try (InputStream in = DocumentRenderer.class.getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IllegalStateException("The document font " + name + " is not on the classpath: the build"
                        + " fetches it (see pom.xml, document-font)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The font files' bytes; each document parses its own copy, since a parsed font is not safe to share. */
    private record Fonts(byte[] regularBytes, byte[] boldBytes) {
        TrueTypeFont regular() throws IOException {
            return new TTFParser().parse(new RandomAccessReadBuffer(regularBytes));
        }

        TrueTypeFont bold() throws IOException {
            return new TTFParser().parse(new RandomAccessReadBuffer(boldBytes));
        }
    }

    /** Sets text down the pages, starting a page when the next line does not fit. */
    private static final class Typesetter {
        private final PDDocument pdf;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final TrueTypeFont regularGlyphs;
        private final TrueTypeFont boldGlyphs;
        private PDPageContentStream out;
        private int pages;
        private float y;

        Typesetter(PDDocument pdf, PDType0Font regular, PDType0Font bold, TrueTypeFont regularGlyphs,
                TrueTypeFont boldGlyphs) throws IOException {
            this.pdf = pdf;
            this.regular = regular;
            this.bold = bold;
            this.regularGlyphs = regularGlyphs;
            this.boldGlyphs = boldGlyphs;
            newPage();
        }

        /** The organ's mark in red, the number under it, and the red rule. */
        void head(String organ, String number) throws IOException {
            String mark = printable(boldGlyphs, organ);
            float size = Math.min(MARK, MARK * WIDTH / width(bold, MARK, mark));
            out.setNonStrokingColor(RED[0], RED[1], RED[2]);
            show(bold, size, (PAGE.getWidth() - width(bold, size, mark)) / 2, y - size, mark);
            out.setNonStrokingColor(0f, 0f, 0f);
            y -= size + LINE;
            centred(false, BODY, LINE, number);
            out.setStrokingColor(RED[0], RED[1], RED[2]);
            out.setLineWidth(1f);
            out.moveTo(LEFT, y - LINE / 4);
            out.lineTo(PAGE.getWidth() - RIGHT, y - LINE / 4);
            out.stroke();
            y -= LINE;
        }

        /** The organ, and under it the date, right of centre with four characters to spare (右空四字). */
        void foot(String organ, String date) throws IOException {
            skip(LINE);
            float dateRight = PAGE.getWidth() - RIGHT - 4 * BODY;
            String name = printable(regularGlyphs, organ);
            float dateWidth = width(regular, BODY, date);
            float centre = dateRight - dateWidth / 2;
            room(2 * LINE);
            float nameWidth = Math.min(width(regular, BODY, name), WIDTH);
            show(regular, BODY, Math.min(centre - nameWidth / 2, PAGE.getWidth() - RIGHT - nameWidth),
                    baseline(BODY, LINE), name);
            y -= LINE;
            show(regular, BODY, dateRight - dateWidth, baseline(BODY, LINE), date);
            y -= LINE;
        }

        void centred(boolean heavy, float size, float leading, String text) throws IOException {
            PDType0Font font = heavy ? bold : regular;
            for (String line : wrap(font, size, printable(heavy ? boldGlyphs : regularGlyphs, text), WIDTH, WIDTH)) {
                room(leading);
                show(font, size, (PAGE.getWidth() - width(font, size, line)) / 2, baseline(size, leading), line);
                y -= leading;
            }
        }

        /** A block of body text, its first line indented by {@code firstIndent}. */
        void text(boolean heavy, String text, float firstIndent, float indent) throws IOException {
            PDType0Font font = heavy ? bold : regular;
            List<String> lines = wrap(font, BODY, printable(heavy ? boldGlyphs : regularGlyphs, text),
                    WIDTH - firstIndent, WIDTH - indent);
            for (int i = 0; i < lines.size(); i++) {
                room(LINE);
                show(font, BODY, LEFT + (i == 0 ? firstIndent : indent), baseline(BODY, LINE), lines.get(i));
                y -= LINE;
            }
        }

        /** A table row: the cells in columns of equal width, each wrapped within its column. */
        void row(boolean heavy, String[] cells) throws IOException {
            PDType0Font font = heavy ? bold : regular;
            float column = WIDTH / cells.length;
            List<List<String>> wrapped = new ArrayList<>();
            for (String cell : cells) {
                String text = printable(heavy ? boldGlyphs : regularGlyphs, cell);
                wrapped.add(wrap(font, BODY, text, column - BODY / 2, column - BODY / 2));
            }
            int height = wrapped.stream().mapToInt(List::size).max().orElse(1);
            for (int line = 0; line < height; line++) {
                room(LINE);
                for (int c = 0; c < cells.length; c++) {
                    if (line < wrapped.get(c).size()) {
                        show(font, BODY, LEFT + c * column, baseline(BODY, LINE), wrapped.get(c).get(line));
                    }
                }
                y -= LINE;
            }
        }

        void skip(float height) {
            y -= height;
        }

        void finish() throws IOException {
            number();
            out.close();
        }

        private void room(float height) throws IOException {
            if (y - height < BOTTOM - 1) {
                finish();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PAGE);
            pdf.addPage(page);
            out = new PDPageContentStream(pdf, page);
            pages++;
            y = PAGE.getHeight() - TOP;
        }

        /** The page number (页码), "— n —" in 4号 under the text area. */
        private void number() throws IOException {
            String label = "— " + pages + " —";
            show(regular, PAGE_NUMBER, (PAGE.getWidth() - width(regular, PAGE_NUMBER, label)) / 2,
                    BOTTOM - 7 * MM - PAGE_NUMBER, label);
        }

        private float baseline(float size, float leading) {
            return y - (leading + size) / 2 + size * 0.12f;
        }

        private void show(PDType0Font font, float size, float x, float baseline, String text) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, baseline);
            out.showText(text);
            out.endText();
        }
    }

    /** The text with every character the font cannot draw replaced by □ (line breaks by spaces). */
    private static String printable(TrueTypeFont font, String text) throws IOException {
        var cmap = font.getUnicodeCmapLookup();
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int printable = Character.isWhitespace(c) ? ' ' : c;
            shown.appendCodePoint(cmap.getGlyphId(printable) > 0 ? printable : MISSING);
        });
        return shown.toString();
    }

    private static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * Breaks text into lines that fit: anywhere between Chinese characters, between Latin words (a word longer
     * than a line breaks where it must), never before a closing mark (it hangs into the margin instead).
     */
    static List<String> wrap(PDType0Font font, float size, String text, float firstWidth, float width)
            throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        float room = firstWidth;
        for (String token : tokens(text)) {
            float w = width(font, size, token);
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
                    float pw = width(font, size, piece);
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
