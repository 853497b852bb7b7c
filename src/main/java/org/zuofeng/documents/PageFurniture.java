package org.zuofeng.documents;

import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;

import static org.zuofeng.documents.Layout.BODY;
import static org.zuofeng.documents.Layout.BOTTOM;
import static org.zuofeng.documents.Layout.LEFT;
import static org.zuofeng.documents.Layout.LINE;
import static org.zuofeng.documents.Layout.MARK;
import static org.zuofeng.documents.Layout.MM;
import static org.zuofeng.documents.Layout.PAGE;
import static org.zuofeng.documents.Layout.PAGE_NUMBER;
import static org.zuofeng.documents.Layout.RED;
import static org.zuofeng.documents.Layout.RIGHT;
import static org.zuofeng.documents.Layout.WIDTH;

/** What GB/T 9704 puts around the body: the red letterhead, the organ and date at the foot, the page numbers. */
final class PageFurniture {

    private PageFurniture() {
    }

    /** The organ's mark in red (版头), the number under it, and the red rule. */
    static void head(Typesetter page, String organ, String number) throws IOException {
        PDType0Font bold = page.weight(true).font();
        String mark = Typesetter.printable(page.weight(true), organ);
        float size = Math.min(MARK, MARK * WIDTH / DocumentFonts.width(bold, MARK, mark));
        page.out().setNonStrokingColor(RED[0], RED[1], RED[2]);
        page.show(bold, size, (PAGE.getWidth() - DocumentFonts.width(bold, size, mark)) / 2, page.y() - size, mark);
        page.out().setNonStrokingColor(0f, 0f, 0f);
        page.skip(size + LINE);
        page.centred(false, BODY, LINE, number);
        page.out().setStrokingColor(RED[0], RED[1], RED[2]);
        page.out().setLineWidth(1f);
        page.out().moveTo(LEFT, page.y() - LINE / 4);
        page.out().lineTo(PAGE.getWidth() - RIGHT, page.y() - LINE / 4);
        page.out().stroke();
        page.skip(LINE);
    }

    /** The organ, and under it the date, right of centre with four characters to spare (右空四字). */
    static void foot(Typesetter page, String organ, String date) throws IOException {
        PDType0Font regular = page.weight(false).font();
        page.skip(LINE);
        float dateRight = PAGE.getWidth() - RIGHT - 4 * BODY;
        String name = Typesetter.printable(page.weight(false), organ);
        float dateWidth = DocumentFonts.width(regular, BODY, date);
        float centre = dateRight - dateWidth / 2;
        page.room(2 * LINE);
        float nameWidth = Math.min(DocumentFonts.width(regular, BODY, name), WIDTH);
        page.show(regular, BODY, Math.min(centre - nameWidth / 2, PAGE.getWidth() - RIGHT - nameWidth),
                page.baseline(BODY, LINE), name);
        page.skip(LINE);
        page.show(regular, BODY, dateRight - dateWidth, page.baseline(BODY, LINE), date);
        page.skip(LINE);
    }

    /** The page number (页码), "— n —" in 4号 under the text area. */
    static void pageNumber(Typesetter page, int number) throws IOException {
        PDType0Font regular = page.weight(false).font();
        String label = "— " + number + " —";
        page.show(regular, PAGE_NUMBER, (PAGE.getWidth() - DocumentFonts.width(regular, PAGE_NUMBER, label)) / 2,
                BOTTOM - 7 * MM - PAGE_NUMBER, label);
    }
}
