package org.zuofeng.documents;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.documents.FormalDocument.Kind.HEADER_ROW;
import static org.zuofeng.documents.FormalDocument.Kind.HEADING;
import static org.zuofeng.documents.FormalDocument.Kind.PARAGRAPH;
import static org.zuofeng.documents.FormalDocument.Kind.ROW;

/** A record's Markdown as a formal document sets it: headings, paragraphs, list items, tables, text only. */
class MarkdownTest {

    private static FormalDocument.Block block(FormalDocument.Kind kind, String text) {
        return new FormalDocument.Block(kind, text);
    }

    @Test
    void headingsParagraphsAndListItemsBecomeBlocksAndInlineMarkupLeavesItsText() {
        String markdown = """
                ## 一、存在的问题

                暗访发现**部分干部**上班时间
                脱岗，详见[照片](https://example.org/p.jpg)和`附件`。
                Window staff were
                absent.

                - 立即整改
                2. 书面报告
                > 引用的话
                ---
                """;
        assertEquals(List.of(block(HEADING, "一、存在的问题"),
                block(PARAGRAPH, "暗访发现部分干部上班时间脱岗，详见照片和附件。Window staff were absent."),
                block(PARAGRAPH, "· 立即整改"), block(PARAGRAPH, "2. 书面报告"), block(PARAGRAPH, "引用的话")),
                Markdown.blocks(markdown));
    }

    @Test
    void aTableBecomesRowsOfCellsItsFirstRowTheHeader() {
        String markdown = "2026年度领导班子考核结果如下：\n\n| 单位 | 等次 | 得分 |\n|---|:---:|---|\n| 榕城街道 | 优秀 | 95.50 |\n";
        assertEquals(List.of(block(PARAGRAPH, "2026年度领导班子考核结果如下："), block(HEADER_ROW, "单位\t等次\t得分"),
                block(ROW, "榕城街道\t优秀\t95.50")), Markdown.blocks(markdown));
    }
}
