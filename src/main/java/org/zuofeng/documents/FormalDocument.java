package org.zuofeng.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a formal document (公文) says, in the order GB/T 9704 puts it on the page: under the issuing organ's mark,
 * the document number and the title; the addressees; the body; at the foot the organ and the date.
 *
 * @param identity the record the document is of (e.g. {@code supervision-notice:<id>}): seeds the PDF's file
 *         identifier, so the same record always gives the same bytes
 * @param number the document number, e.g. 榕纪通〔2026〕3号
 * @param addressedTo the addressees (主送机关), without the closing colon; null when there are none
 * @param dated the date at the foot (成文日期)
 * @param recordedAt when the record was made: the PDF's creation date
 */
public record FormalDocument(String identity, String number, String title, String addressedTo, List<Block> body,
        LocalDate dated, Instant recordedAt) {

    public FormalDocument {
        body = List.copyOf(body);
    }

    /** One block of the body. */
    public record Block(Kind kind, String text) {
    }

    /** How a block is set. */
    public enum Kind {
        /** A paragraph, its first line indented by two characters. */
        PARAGRAPH,
        /** A heading within the body (一、二、…), in bold. */
        HEADING,
        /** A line such as 整改期限：2026年3月1日, indented like a paragraph. */
        FIELD,
        /** A row of a table, its cells separated by tabs, set in columns of equal width. */
        ROW,
        /** The header row of a table, in bold. */
        HEADER_ROW
    }

    /** Builds the body block by block. */
    public static final class Body {
        private final List<Block> blocks = new ArrayList<>();

        public Body paragraph(String text) {
            blocks.add(new Block(Kind.PARAGRAPH, text));
            return this;
        }

        /** The blocks of a Markdown text: headings, list items and paragraphs, its inline markup dropped. */
        public Body markdown(String markdown) {
            blocks.addAll(Markdown.blocks(markdown));
            return this;
        }

        /** {@code label：value}; nothing when the value is null or blank. */
        public Body field(String label, String value) {
            if (value != null && !value.isBlank()) {
                blocks.add(new Block(Kind.FIELD, label + "：" + value));
            }
            return this;
        }

        public List<Block> blocks() {
            return List.copyOf(blocks);
        }
    }
}
