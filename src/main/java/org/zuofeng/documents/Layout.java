package org.zuofeng.documents;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The page of GB/T 9704-2012 (党政机关公文格式): A4, its margins, a body of 3号 (16 pt) text on 22 lines within them,
 * a 2号 title, the organ's mark in red, and 4号 page numbers.
 */
final class Layout {

    static final float MM = 72f / 25.4f;
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float TOP = 37 * MM;
    static final float BOTTOM = 35 * MM;
    static final float LEFT = 28 * MM;
    static final float RIGHT = 26 * MM;
    static final float WIDTH = PAGE.getWidth() - LEFT - RIGHT;
    static final float BODY = 16f;
    static final float LINE = (PAGE.getHeight() - TOP - BOTTOM) / 22;
    static final float TITLE = 22f;
    static final float MARK = 30f;
    static final float PAGE_NUMBER = 14f;
    static final float[] RED = {0.9f, 0f, 0.07f};

    private Layout() {
    }
}
