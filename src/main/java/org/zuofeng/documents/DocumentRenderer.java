package org.zuofeng.documents;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.time.Times;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Lays out a {@link FormalDocument} as an A4 PDF in the manner of GB/T 9704-2012 (党政机关公文格式): the organ's
 * mark in red over a red rule, the number, the title, the addressees, a body of 3号 (16 pt) text on 22 lines a page
 * within the standard margins, the organ and the date at the foot, and "— n —" under every page.
 *
 * <p>The text is set in the {@link DocumentFonts}, embedded as a subset with its Unicode map, so the Chinese text
 * renders anywhere and can be extracted. A character the font lacks prints as □. The output depends only on the document: its dates come from
 * the record, its file identifier from the record's identity, and the font subset's tag from the glyphs used, so the
 * same record gives the same bytes every time, on every replica.
 */
@ApplicationScoped
public class DocumentRenderer {

    public static final String MEDIA_TYPE = "application/pdf";

    private final String organ;

    public DocumentRenderer(DocumentsConfig config) {
        this.organ = config.organ();
    }

    public RenderedDocument render(FormalDocument document) {
        try (TrueTypeFont regular = DocumentFonts.regular(); TrueTypeFont bold = DocumentFonts.bold();
                PDDocument pdf = new PDDocument()) {
            describe(pdf, document);
            Typesetter page = new Typesetter(pdf, regular, bold);
            PageFurniture.head(page, organ, document.number());
            page.centred(true, Layout.TITLE, Layout.TITLE * 1.6f, document.title());
            page.skip(Layout.LINE / 2);
            if (document.addressedTo() != null) {
                page.text(false, document.addressedTo() + "：", 0, 0);
            }
            for (FormalDocument.Block block : document.body()) {
                switch (block.kind()) {
                    case ROW, HEADER_ROW -> page.row(block.kind() == FormalDocument.Kind.HEADER_ROW,
                            block.text().split("\t", -1));
                    default -> page.text(block.kind() == FormalDocument.Kind.HEADING, block.text(),
                            2 * Layout.BODY, 0);
                }
            }
            PageFurniture.foot(page, organ, chinese(document.dated()));
            page.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            byte[] bytes = out.toByteArray();
            return new RenderedDocument(bytes, Digests.sha256Hex(bytes), document.number() + ".pdf");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render document " + document.identity(), e);
        }
    }

    /** 2026年3月1日: the date as GB/T 9704 writes it. */
    public static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The document's metadata, and a file identifier from the record's identity (so the bytes are stable). */
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
        byte[] id = Arrays.copyOf(Digests.sha256(document.identity().getBytes(StandardCharsets.UTF_8)), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }
}
