package org.zuofeng.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Markdown of a record's body, read as a formal document shows it: {@code #} headings become headings, list
 * items and paragraphs become paragraphs (a list item keeps its number, or takes a bullet), {@code |} tables become
 * rows of cells (the row above the {@code |---|} line is the header), and inline markup
 * (emphasis, code, links, images) leaves only its text. Lines of one paragraph join without a space, as Chinese
 * text does, unless both sides are Latin.
 */
final class Markdown {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^ {0,3}[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^ {0,3}(\\d{1,9})[.)]\\s+(.*)$");
    private static final Pattern QUOTE = Pattern.compile("^ {0,3}>\\s?");
    private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_]\\s*){3,}$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|(.*)\\|\\s*$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?(\\s*:?-+:?\\s*\\|)+\\s*(:?-+:?\\s*)?$");
    private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*{1,3}|_{2,3}|~~|`+)");

    private Markdown() {
    }

    static List<FormalDocument.Block> blocks(String markdown) {
        List<FormalDocument.Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        boolean inQuote = false;
        for (String raw : markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            var quote = QUOTE.matcher(raw.replace('\t', ' '));
            boolean quoted = quote.find();
            if (quoted != inQuote) {
                flush(paragraph, blocks);
                inQuote = quoted;
            }
            String line = quoted ? quote.replaceFirst("") : raw.replace('\t', ' ');
            var heading = HEADING.matcher(line);
            var bullet = BULLET.matcher(line);
            var numbered = NUMBERED.matcher(line);
            var row = TABLE_ROW.matcher(line);
            if (TABLE_SEPARATOR.matcher(line).matches() && line.contains("|")) {
                flush(paragraph, blocks);
                int last = blocks.size() - 1;
                if (last >= 0 && blocks.get(last).kind() == FormalDocument.Kind.ROW) {
                    blocks.set(last, new FormalDocument.Block(FormalDocument.Kind.HEADER_ROW,
                            blocks.get(last).text()));
                }
            } else if (row.matches()) {
                flush(paragraph, blocks);
                String cells = Arrays.stream(row.group(1).split("\\|", -1)).map(Markdown::inline)
                        .collect(Collectors.joining("\t"));
                blocks.add(new FormalDocument.Block(FormalDocument.Kind.ROW, cells));
            } else if (line.isBlank() || RULE.matcher(line).matches()) {
                flush(paragraph, blocks);
            } else if (heading.matches()) {
                flush(paragraph, blocks);
                blocks.add(new FormalDocument.Block(FormalDocument.Kind.HEADING, inline(heading.group(1))));
            } else if (bullet.matches()) {
                flush(paragraph, blocks);
                paragraph.append("· ").append(inline(bullet.group(1)));
            } else if (numbered.matches()) {
                flush(paragraph, blocks);
                paragraph.append(numbered.group(1)).append(". ").append(inline(numbered.group(2)));
            } else {
                join(paragraph, inline(line.strip()));
            }
        }
        flush(paragraph, blocks);
        return blocks;
    }

    private static String inline(String text) {
        return EMPHASIS.matcher(IMAGE_OR_LINK.matcher(text).replaceAll("$1")).replaceAll("").strip();
    }

    private static void join(StringBuilder paragraph, String line) {
        if (!paragraph.isEmpty() && !line.isEmpty() && latin(paragraph.charAt(paragraph.length() - 1))
                && latin(line.charAt(0))) {
            paragraph.append(' ');
        }
        paragraph.append(line);
    }

    private static boolean latin(char c) {
        return c < 0x2E80;
    }

    private static void flush(StringBuilder paragraph, List<FormalDocument.Block> blocks) {
        if (!paragraph.isEmpty()) {
            blocks.add(new FormalDocument.Block(FormalDocument.Kind.PARAGRAPH, paragraph.toString()));
            paragraph.setLength(0);
        }
    }
}
