package org.zuofeng.documents;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.zuofeng.documents.Layout.BODY;
import static org.zuofeng.documents.Layout.BOTTOM;
import static org.zuofeng.documents.Layout.LEFT;
import static org.zuofeng.documents.Layout.LINE;
import static org.zuofeng.documents.Layout.PAGE;
import static org.zuofeng.documents.Layout.TOP;
import static org.zuofeng.documents.Layout.WIDTH;

/**
 * Sets text down the pages of one document, starting a page when the next line does not fit and numbering each page
 * it closes ({@link PageFurniture}). Not shared: one document, one thread.
 */
final class Typesetter {

    /** A weight of the font: the glyphs to check text against, and the font embedded in the document. */
    record Weight(TrueTypeFont glyphs, PDType0Font font) {
    }

    private final PDDocument pdf;
    private final Weight regular;
    private final Weight bold;
    private PDPageContentStream out;
    private int pages;
    private float y;

    Typesetter(PDDocument pdf, TrueTypeFont regular, TrueTypeFont bold) throws IOException {
        this.pdf = pdf;
        this.regular = new Weight(regular, PDType0Font.load(pdf, regular, true));
        this.bold = new Weight(bold, PDType0Font.load(pdf, bold, true));
        newPage();
    }

    Weight weight(boolean heavy) {
        return heavy ? bold : regular;
    }

    /** Lines centred on the page. */
    void centred(boolean heavy, float size, float leading, String text) throws IOException {
        Weight w = weight(heavy);
        for (String line : LineBreaker.wrap(w.font(), size, printable(w, text), WIDTH, WIDTH)) {
            room(leading);
            show(w.font(), size, (PAGE.getWidth() - DocumentFonts.width(w.font(), size, line)) / 2,
                    baseline(size, leading), line);
            y -= leading;
        }
    }

    /** A block of body text, its first line indented by {@code firstIndent}. */
    void text(boolean heavy, String text, float firstIndent, float indent) throws IOException {
        Weight w = weight(heavy);
        List<String> lines = LineBreaker.wrap(w.font(), BODY, printable(w, text), WIDTH - firstIndent,
                WIDTH - indent);
        for (int i = 0; i < lines.size(); i++) {
            room(LINE);
            show(w.font(), BODY, LEFT + (i == 0 ? firstIndent : indent), baseline(BODY, LINE), lines.get(i));
            y -= LINE;
        }
    }

    /** A table row: the cells in columns of equal width, each wrapped within its column. */
    void row(boolean heavy, String[] cells) throws IOException {
        Weight w = weight(heavy);
        float column = WIDTH / cells.length;
        List<List<String>> wrapped = new ArrayList<>();
        for (String cell : cells) {
            wrapped.add(LineBreaker.wrap(w.font(), BODY, printable(w, cell), column - BODY / 2, column - BODY / 2));
        }
        int height = wrapped.stream().mapToInt(List::size).max().orElse(1);
        for (int line = 0; line < height; line++) {
            room(LINE);
            for (int c = 0; c < cells.length; c++) {
                if (line < wrapped.get(c).size()) {
                    show(w.font(), BODY, LEFT + c * column, baseline(BODY, LINE), wrapped.get(c).get(line));
                }
            }
            y -= LINE;
        }
    }

    void skip(float height) {
        y -= height;
    }

    /** Closes the last page. */
    void finish() throws IOException {
        PageFurniture.pageNumber(this, pages);
        out.close();
    }

    /** Starts a new page unless {@code height} more fits on this one. */
    void room(float height) throws IOException {
        if (y - height < BOTTOM - 1) {
            finish();
            newPage();
        }
    }

    float y() {
        return y;
    }

    PDPageContentStream out() {
        return out;
    }

    /** The baseline of text of {@code size} centred in a line of {@code leading} at the current position. */
    float baseline(float size, float leading) {
        return y - (leading + size) / 2 + size * 0.12f;
    }

    void show(PDType0Font font, float size, float x, float baseline, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    static String printable(Weight weight, String text) throws IOException {
        return DocumentFonts.printable(weight.glyphs(), text);
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PAGE);
        pdf.addPage(page);
        out = new PDPageContentStream(pdf, page);
        pages++;
        y = PAGE.getHeight() - TOP;
    }
}
