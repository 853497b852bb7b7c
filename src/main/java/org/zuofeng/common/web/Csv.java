package org.zuofeng.common.web;

import java.util.regex.Pattern;

/**
 * CSV by RFC 4180, as the API writes it: CRLF between records, UTF-8 with a byte-order mark so Excel reads Chinese,
 * and no cell that a spreadsheet would run as a formula (CSV injection, as OWASP describes it).
 */
public final class Csv {

    public static final String CRLF = "\r\n";
    public static final char BOM = '\uFEFF';

    /** The first characters that make Excel, LibreOffice or Google Sheets take a cell for a formula or a DDE call. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /**
     * A number as the service writes numbers (JSON's grammar, which {@code Long.toString} and Jackson follow): a
     * spreadsheet reads it as that number and runs nothing, so a negative count or score stays a number.
     */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private Csv() {
    }

    /**
     * One field: {@link #neutralised}, then quoted (its quotes doubled) when it holds a quote, a comma or a line
     * break.
     */
    public static String field(String value) {
        String cell = neutralised(value);
        if (cell.indexOf('"') < 0 && cell.indexOf(',') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /**
     * The cell as a spreadsheet may open it: a text starting with {@code = + - @}, tab or carriage return gets a
     * leading apostrophe, which makes the spreadsheet show it as text (OWASP's advice); a number stays as it is.
     */
    static String neutralised(String value) {
        if (value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0 || NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    /** One record of fields, with its CRLF. */
    public static String record(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields[i] == null ? "" : fields[i]));
        }
        return line.append(CRLF).toString();
    }
}
